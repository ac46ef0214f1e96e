// What turning a zap on or off does beyond its status: schedulers for polls and schedules, subscriptions for app webhooks.
import type { Trigger } from '@switchyard/contracts';
import { findTrigger, scheduleRepeat, StepFailure, type HttpClient } from '@switchyard/connectors';
import { hookContext, newId, randomToken, type Database, type Vault } from '@switchyard/db';
import { removeTriggerScheduler, upsertTriggerScheduler, type TriggerQueue } from '@switchyard/queue';
import type { AppCatalog } from './catalog.ts';
import { openConnection } from './connections.ts';

export interface LifecycleDeps {
  db: Database;
  vault: Vault;
  catalog: AppCatalog;
  http: HttpClient;
  polls: TriggerQueue;
  schedules: TriggerQueue;
  publicUrl: string;
  /** The floor of every polling interval (POLL_MIN_INTERVAL_MS). */
  minPollIntervalMs: number;
}

export interface ZapTrigger {
  zapId: string;
  workspaceId: string;
  trigger: Trigger;
}

export const DEFAULT_POLL_INTERVAL_MS = 60_000;

/** A zap's polling interval: its own, else its workspace's, else a minute, never below the floor. */
export function pollIntervalMs(trigger: Trigger, workspaceSettings: unknown, floor: number): number {
  const own = typeof trigger.pollIntervalMs === 'number' ? trigger.pollIntervalMs : undefined;
  const settings = (workspaceSettings ?? {}) as { pollIntervalMs?: unknown };
  const workspace = typeof settings.pollIntervalMs === 'number' ? settings.pollIntervalMs : undefined;
  return Math.max(floor, own ?? workspace ?? DEFAULT_POLL_INTERVAL_MS);
}

export function createTriggerLifecycle(deps: LifecycleDeps) {
  const { db, vault, catalog, http } = deps;

  function definitionOf(trigger: Trigger) {
    const app = catalog.apps.get(trigger.app);
    const definition = app && findTrigger(app, trigger.event);
    if (!app || !definition) throw new StepFailure(`There is no trigger ${trigger.app}.${trigger.event}.`, { transient: false });
    return { app, definition };
  }

  /** Removes an app-webhook subscription at the service. Best effort: a service that is away does not keep a zap on. */
  async function unsubscribe(zap: ZapTrigger): Promise<string | null> {
    const hook = await db.prisma.hook.findUnique({ where: { zapId_kind: { zapId: zap.zapId, kind: 'app_webhook' } } });
    if (!hook) return null;
    await db.prisma.hook.delete({ where: { id: hook.id } });
    if (!hook.externalId) return null;
    try {
      const { app, definition } = definitionOf(zap.trigger);
      if (definition.type !== 'app_webhook') return null;
      const auth = app.auth ? await openConnection(db, vault, zap.workspaceId, zap.trigger.connectionId, app.key) : undefined;
      await definition.unsubscribe({
        input: definition.input.parse(zap.trigger.input ?? {}),
        auth,
        http: http.forStep({ secrets: [] }),
        hookUrl: `${deps.publicUrl}/hooks/app/${zap.workspaceId}/${hook.key}`,
        externalId: hook.externalId,
      });
      return null;
    } catch (error) {
      return `The webhook subscription at ${zap.trigger.app} could not be removed (${(error as Error).message}); deliveries to it are refused.`;
    }
  }

  return {
    /** Starts what makes the trigger fire. Throws a StepFailure with the service's reason when a subscription fails. */
    async activate(zap: ZapTrigger): Promise<void> {
      const { app, definition } = definitionOf(zap.trigger);
      const data = { zapId: zap.zapId, workspaceId: zap.workspaceId };
      switch (definition.type) {
        case 'polling': {
          const workspace = await db.prisma.workspace.findUnique({ where: { id: zap.workspaceId }, select: { settings: true } });
          // The first tick comes at once: it records what exists, so the zap fires only for what is new after this.
          await upsertTriggerScheduler(deps.polls, data, { every: pollIntervalMs(zap.trigger, workspace?.settings, deps.minPollIntervalMs) }, true);
          return;
        }
        case 'schedule':
          await upsertTriggerScheduler(deps.schedules, data, scheduleRepeat(zap.trigger.input));
          return;
        case 'app_webhook': {
          await unsubscribe(zap);
          const auth = app.auth ? await openConnection(db, vault, zap.workspaceId, zap.trigger.connectionId, app.key) : undefined;
          const hookId = newId('hk');
          const key = randomToken(24);
          const secret = randomToken(32);
          const sealed = vault.seal(secret, hookContext(zap.workspaceId, hookId));
          const hookUrl = `${deps.publicUrl}/hooks/app/${zap.workspaceId}/${key}`;
          // The hook exists before the service is told about it, so a delivery that comes at once finds it.
          await db.prisma.hook.create({
            data: {
              id: hookId,
              workspaceId: zap.workspaceId,
              zapId: zap.zapId,
              kind: 'app_webhook',
              key,
              app: app.key,
              secret: sealed.ciphertext,
              secretKeyId: sealed.keyId,
            },
          });
          try {
            const { externalId } = await definition.subscribe({
              input: definition.input.parse(zap.trigger.input ?? {}),
              auth,
              http: http.forStep({ secrets: [secret] }),
              hookUrl,
              secret,
            });
            await db.prisma.hook.update({ where: { id: hookId }, data: { externalId } });
          } catch (error) {
            await db.prisma.hook.delete({ where: { id: hookId } }).catch(() => undefined);
            throw error;
          }
          return;
        }
        default:
          return;
      }
    },

    /** Stops the trigger. Returns a warning when the service could not be told (the zap is off either way). */
    async deactivate(zap: ZapTrigger): Promise<string | null> {
      await Promise.all([removeTriggerScheduler(deps.polls, zap.zapId), removeTriggerScheduler(deps.schedules, zap.zapId)]);
      return unsubscribe(zap);
    },
  };
}

export type TriggerLifecycle = ReturnType<typeof createTriggerLifecycle>;
