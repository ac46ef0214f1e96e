// Sign-up, log-in and sessions.
import { newId, Prisma } from '@switchyard/db';
import type { Deps } from '../http/deps.ts';
import { AppError, conflict, invalid, tooManyRequests, unauthorized } from '../http/errors.ts';
import { createWorkspaceService } from '../workspaces/service.ts';
import { createLoginLimits } from './login-limits.ts';
import { passwordWeakness } from './password-strength.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import { hashToken, newSessionToken } from './tokens.ts';

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export function createAuthService({ data, redis, config }: Deps) {
  const prisma = data.system;
  const { workspacesOf } = createWorkspaceService(data);
  const limits = createLoginLimits(redis, config);

  async function startSession(userId: string): Promise<NewSession> {
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + config.SESSION_TTL_HOURS * 3600 * 1000);
    await prisma.session.create({ data: { id: hashToken(token), userId, expiresAt } });
    return { token, expiresAt };
  }

  return {
    async signup(input: { email: string; password: string; workspaceName: string }) {
      const weakness = passwordWeakness(input.password, [input.email, input.workspaceName]);
      if (weakness) throw invalid('weak_password', weakness, [{ path: 'body.password', message: weakness }]);
      const passwordHash = await hashPassword(input.password);
      const user = { id: newId('usr'), email: input.email, passwordHash };
      const workspace = { id: newId('ws'), name: input.workspaceName };
      try {
        const owned = data.workspace(workspace.id);
        await owned.$transaction([
          owned.user.create({ data: user }),
          owned.workspace.create({ data: workspace }),
          owned.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: 'owner' } }),
        ]);
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw conflict('email_taken', 'An account with this e-mail already exists. Log in instead.');
        }
        throw error;
      }
      const session = await startSession(user.id);
      return { user: { id: user.id, email: user.email }, workspace, session };
    },

    async login(input: { email: string; password: string }, ip: string) {
      const refusal = await limits.attempt(input.email, ip);
      if (refusal) throw tooManyRequests(refusal.retryAfterSeconds, refusal.message);
      const user = await prisma.user.findUnique({ where: { email: input.email } });
      const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash));
      if (!user || !ok) throw unauthorized('The e-mail or password is wrong.');
      await limits.succeeded(input.email, ip);
      const session = await startSession(user.id);
      return { user: { id: user.id, email: user.email }, workspaces: await workspacesOf(user.id), session };
    },

    async logout(sessionId: string) {
      await prisma.session.deleteMany({ where: { id: sessionId } });
    },

    async user(userId: string) {
      const user = await prisma.user.findUnique({ where: { id: userId } });
      if (!user) throw new AppError(401, 'unauthorized', 'Your account no longer exists.');
      return { id: user.id, email: user.email };
    },
  };
}
