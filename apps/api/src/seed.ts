// `pnpm db:seed`: the demo account and workspace a new user can try Switchyard with, created once and kept.
// With DEMO_FAKES=1 (pnpm start) the workspace is also connected to the local fake services and has a published zap.
import { loadConfigOrExit } from '@switchyard/config';
import { connectionContext, createDatabase, newId, randomToken, type Db, type Vault } from '@switchyard/db';
import { email as emailSchema, password as passwordSchema } from '@switchyard/contracts';
import { vaultFromConfig } from '@switchyard/runner';
import { demoFakes } from '@switchyard/testing';
import { passwordWeakness } from './auth/password-strength.ts';
import { hashPassword } from './auth/passwords.ts';

export interface DemoAccount {
  email: string;
  password: string;
}

/**
 * Creates the demo user and its "Demo" workspace, or finds them. The demo password always becomes the one in .env,
 * so the login printed at start works even when .env was written anew over an existing database.
 */
export async function seedDemo(prisma: Db, account: DemoAccount): Promise<{ workspaceId: string; created: boolean }> {
  const email = emailSchema.parse(account.email);
  const password = passwordSchema.parse(account.password);
  // The demo account is a real account on a self-hosted installation: it gets the same check as a signup.
  const weakness = passwordWeakness(password, [email]);
  if (weakness) throw new Error(`DEMO_PASSWORD is refused: ${weakness}`);
  const passwordHash = await hashPassword(password);
  const existing = await prisma.membership.findFirst({ where: { user: { email } }, orderBy: { createdAt: 'asc' } });
  if (existing) {
    await prisma.user.update({ where: { id: existing.userId }, data: { passwordHash } });
    return { workspaceId: existing.workspaceId, created: false };
  }
  const user = { id: newId('usr'), email, passwordHash };
  const workspace = { id: newId('ws'), name: 'Demo' };
  await prisma.$transaction([
    prisma.user.create({ data: user }),
    prisma.workspace.create({ data: workspace }),
    prisma.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: 'owner' } }),
  ]);
  return { workspaceId: workspace.id, created: true };
}

/** Connects the demo workspace to every local fake service, and publishes a catch hook -> Pipedrive zap. */
export async function seedDemoFakes(prisma: Db, vault: Vault, workspaceId: string, publicUrl: string): Promise<string | null> {
  const connections: Record<string, string> = {};
  for (const [app, fake] of Object.entries(demoFakes())) {
    const name = `Demo ${app} (local fake)`;
    const found = await prisma.connection.findFirst({ where: { workspaceId, app, name } });
    if (found) {
      connections[app] = found.id;
      // Sealed under a SECRETS_KEY that is gone (a new .env over an old database): seal the fake's credentials again.
      try {
        vault.open(found.credentials, connectionContext(workspaceId, found.id));
      } catch {
        const resealed = vault.seal(fake.credentials, connectionContext(workspaceId, found.id));
        await prisma.connection.update({
          where: { id: found.id },
          data: { credentials: resealed.ciphertext, keyId: resealed.keyId, status: 'ok', statusMessage: null },
        });
      }
      continue;
    }
    const id = newId('con');
    const sealed = vault.seal(fake.credentials, connectionContext(workspaceId, id));
    await prisma.connection.create({ data: { id, workspaceId, app, name, credentials: sealed.ciphertext, keyId: sealed.keyId, status: 'ok' } });
    connections[app] = id;
  }
  const name = 'Demo: new contact -> Pipedrive person';
  const existing = await prisma.zap.findFirst({ where: { workspaceId, name }, include: { hooks: true } });
  if (existing) return existing.hooks[0] ? `${publicUrl}/hooks/catch/${workspaceId}/${existing.hooks[0].key}` : null;
  const definition = {
    name,
    trigger: { app: 'webhooks', event: 'catch_hook', input: {} },
    steps: [
      {
        key: 'clean',
        type: 'code',
        onError: 'halt',
        input: {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the step's code is JavaScript source, and its template literal runs in the sandbox.
          code: 'return { name: `${input.first} ${input.last}`.trim() || "Unnamed" };',
          inputData: { first: '{{trigger.body.firstName}}', last: '{{trigger.body.lastName}}' },
        },
      },
      {
        key: 'person',
        type: 'action',
        app: 'pipedrive',
        action: 'create_person',
        connectionId: connections.pipedrive,
        onError: 'halt',
        input: { name: '{{steps.clean.name}}', email: '{{trigger.body.email}}' },
      },
    ],
  };
  const zapId = newId('zap');
  const versionId = newId('zv');
  const key = randomToken(24);
  await prisma.$transaction([
    prisma.zap.create({ data: { id: zapId, workspaceId, name, draft: definition } }),
    prisma.zapVersion.create({ data: { id: versionId, workspaceId, zapId, version: 1, definition } }),
    prisma.zap.update({ where: { id: zapId }, data: { status: 'on', publishedVersionId: versionId } }),
    prisma.hook.create({ data: { id: newId('hk'), workspaceId, zapId, kind: 'catch', key, app: 'webhooks' } }),
  ]);
  return `${publicUrl}/hooks/catch/${workspaceId}/${key}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfigOrExit();
  const account = { email: process.env.DEMO_EMAIL ?? 'demo@switchyard.local', password: process.env.DEMO_PASSWORD ?? '' };
  if (!account.password) {
    console.error('DEMO_PASSWORD is not set: pnpm start writes one into .env on first run.');
    process.exit(1);
  }
  const db = createDatabase(config.DATABASE_URL, { max: 2 });
  try {
    const { workspaceId, created } = await seedDemo(db.prisma, account);
    console.log(created ? `created demo account ${account.email} with workspace "Demo"` : `demo account ${account.email} exists`);
    if (process.env.DEMO_FAKES === '1') {
      const hookUrl = await seedDemoFakes(db.prisma, vaultFromConfig(config), workspaceId, config.PUBLIC_URL);
      console.log('demo workspace connected to the local fake services (Daktela, CINNOX, HelpCrunch, Pipedrive, Twenty)');
      if (hookUrl) {
        console.log(
          `try it: curl -X POST ${hookUrl} -H 'content-type: application/json' -d '{"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com"}'`,
        );
      }
    }
  } finally {
    await db.close();
  }
}
