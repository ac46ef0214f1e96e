// One poll of a polling zap: fetch recent items, drop those seen, and in ONE transaction record new runs, seen keys and cursor.
import type { ZapDefinition } from '@switchyard/contracts';
import { dedupeKeyOf, findTrigger, pollTrigger, StepFailure, type Cursor, type HttpClient } from '@switchyard/connectors';
import { insertEventsAndRuns, newId, type Database, type NewRun, type Vault } from '@switchyard/db';
import { enqueueRuns, type RunQueue } from '@switchyard/queue';
import type { AppCatalog } from './catalog.ts';
import { openConnection } from './connections.ts';

export interface PollerDeps {
  db: Database;
  vault: Vault;
  catalog: AppCatalog;
  http: HttpClient;
  runs: RunQueue;
  /** Called after a zap was turned off because its connection keeps failing authentication. */
  onDisabled?(zapId: string, reason: string): Promise<void>;
}

export type PollReport = { status: 'skipped'; reason: string } | { status: 'seeded'; seen: number } | { status: 'polled'; fired: number; seen: number };

/** Authentication failures in a row that turn a polling zap off. */
export const AUTH_FAILURES_TO_DISABLE = 3;

export function createPoller(deps: PollerDeps) {
  const { db, vault, catalog, http } = deps;

  async function recordFailure(zap: { id: string; workspaceId: string; name: string }, app: string, error: unknown) {
    const message = `Polling ${app} failed: ${(error as Error).message}`;
    const { rows } = await db.pool.query<{ consecutiveFailures: number }>(
      `INSERT INTO poll_states ("zapId", "workspaceId", "lastError", "consecutiveFailures", "updatedAt") VALUES ($1, $2, $3, 1, now())
       ON CONFLICT ("zapId") DO UPDATE SET "lastError" = EXCLUDED."lastError", "consecutiveFailures" = poll_states."consecutiveFailures" + 1, "updatedAt" = now()
       RETURNING "consecutiveFailures"`,
      [zap.id, zap.workspaceId, message],
    );
    await db.prisma.zap.update({ where: { id: zap.id }, data: { lastError: message } });
    const failures = rows[0]?.consecutiveFailures ?? 1;
    if (error instanceof StepFailure && (error.status === 401 || error.status === 403) && failures >= AUTH_FAILURES_TO_DISABLE) {
      const reason = `Turned off: ${app} refused the connection's credentials ${failures} times in a row (${(error as Error).message}). Reconnect the account, then turn the zap on again.`;
      await db.prisma.$transaction([
        db.prisma.zap.update({ where: { id: zap.id }, data: { status: 'off', disabledReason: reason } }),
        db.prisma.auditLog.create({
          data: { id: newId('aud'), workspaceId: zap.workspaceId, action: 'zap.disabled', targetType: 'zap', targetId: zap.id, details: { reason } },
        }),
      ]);
      await deps.onDisabled?.(zap.id, reason);
    }
  }

  return {
    async poll(zapId: string, workspaceId: string): Promise<PollReport> {
      const zap = await db.prisma.zap.findFirst({ where: { id: zapId, workspaceId }, include: { publishedVersion: true } });
      if (zap?.status !== 'on' || !zap.publishedVersion) return { status: 'skipped', reason: 'the zap is off' };
      const definition = zap.publishedVersion.definition as ZapDefinition;
      const app = catalog.apps.get(definition.trigger.app);
      const trigger = app && findTrigger(app, definition.trigger.event);
      if (!app || !trigger || trigger.type !== 'polling') return { status: 'skipped', reason: 'the trigger is not a polling trigger' };
      const state = await db.prisma.pollState.findUnique({ where: { zapId } });

      let items: unknown[];
      let cursor: Cursor | null;
      try {
        const auth = app.auth ? await openConnection(db, vault, workspaceId, definition.trigger.connectionId, app.key) : undefined;
        const result = await pollTrigger(trigger, {
          input: definition.trigger.input ?? {},
          client: http,
          cursor: (state?.cursor ?? null) as Cursor | null,
          secretKeys: catalog.secretKeys(app.key),
          ...(auth ? { auth } : {}),
        });
        items = result.items;
        cursor = result.cursor;
      } catch (error) {
        await recordFailure(zap, app.name, error);
        throw error;
      }

      // Newest first from the service; one entry per key (an item listed twice in one poll fires once).
      const byKey = new Map<string, unknown>();
      for (const item of items) {
        const key = dedupeKeyOf(trigger, item);
        if (!byKey.has(key)) byKey.set(key, item);
      }
      const keys = [...byKey.keys()];

      const client = await db.pool.connect();
      let runs: NewRun[] = [];
      let seeded = false;
      try {
        await client.query('BEGIN');
        await client.query(`INSERT INTO poll_states ("zapId", "workspaceId") VALUES ($1, $2) ON CONFLICT ("zapId") DO NOTHING`, [zapId, workspaceId]);
        // The row lock makes two polls of one zap take turns, so an item never fires twice.
        const locked = await client.query<{ seeded: boolean }>(`SELECT seeded FROM poll_states WHERE "zapId" = $1 FOR UPDATE`, [zapId]);
        seeded = locked.rows[0]?.seeded ?? false;
        const seen = keys.length
          ? await client.query<{ key: string }>(`SELECT key FROM poll_seen_keys WHERE "workspaceId" = $1 AND "zapId" = $2 AND key = ANY($3::text[])`, [
              workspaceId,
              zapId,
              keys,
            ])
          : { rows: [] };
        const seenKeys = new Set(seen.rows.map((row) => row.key));
        const fresh = keys.filter((key) => !seenKeys.has(key));
        // The first poll after publishing only records what exists, as Zapier does.
        if (seeded) {
          runs = fresh.reverse().map((key) => ({
            runId: newId('run'),
            eventId: newId('evt'),
            workspaceId,
            zapId,
            zapVersionId: zap.publishedVersion!.id,
            zapVersion: zap.publishedVersion!.version,
            source: 'poll' as const,
            data: byKey.get(key),
            dedupeKey: key,
          }));
          await insertEventsAndRuns(client, runs);
        }
        if (fresh.length) {
          await client.query(`INSERT INTO poll_seen_keys ("workspaceId", "zapId", key) SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`, [
            workspaceId,
            zapId,
            fresh,
          ]);
        }
        await client.query(
          `UPDATE poll_states SET cursor = $2::jsonb, seeded = true, "lastPolledAt" = now(), "lastError" = NULL, "consecutiveFailures" = 0, "updatedAt" = now() WHERE "zapId" = $1`,
          [zapId, JSON.stringify(cursor)],
        );
        await client.query(`UPDATE zaps SET "lastError" = NULL WHERE id = $1 AND "lastError" IS NOT NULL`, [zapId]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      await enqueueRuns(
        deps.runs,
        runs.map((run) => ({ runId: run.runId, workspaceId })),
      );
      return seeded ? { status: 'polled', fired: runs.length, seen: keys.length } : { status: 'seeded', seen: keys.length };
    },
  };
}

export type Poller = ReturnType<typeof createPoller>;
