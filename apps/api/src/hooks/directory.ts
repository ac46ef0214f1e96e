// Finds the zap behind a hook key, cached for a moment: hook intake is the hot path and zaps change rarely.
import type { Database } from '@switchyard/db';

export interface HookTarget {
  id: string;
  workspaceId: string;
  zapId: string;
  kind: string;
  app: string | null;
  status: 'on' | 'off';
  versionId: string | null;
  version: number | null;
  secret: string | null;
  /** The published version's trigger (app, event, input), for hooks whose trigger verifies or shapes deliveries. */
  trigger: { app: string; event: string; input?: Record<string, unknown> } | null;
}

export interface HookDirectory {
  find(key: string): Promise<HookTarget | null>;
  /** Forgets a key at once (this process changed its zap). Other processes see the change within the cache lifetime. */
  forget(key: string): void;
}

/** Hook keys are base64url tokens; anything else (a NUL, a stray %, 10 KB of text) is not a key, and never reaches SQL. */
const HOOK_KEY = /^[A-Za-z0-9_-]{1,128}$/;

export function createHookDirectory(pool: Database['pool'], ttlMs = 1_000, maxEntries = 50_000): HookDirectory {
  // Known hooks and unknown keys are cached apart: a flood of made-up keys fills (and resets) only the second.
  const known = new Map<string, { target: HookTarget; until: number }>();
  const unknown = new Map<string, number>();
  return {
    async find(key) {
      if (!HOOK_KEY.test(key)) return null;
      const now = Date.now();
      const hit = known.get(key);
      if (hit && hit.until > now) return hit.target;
      const miss = unknown.get(key);
      if (miss !== undefined && miss > now) return null;
      const { rows } = await pool.query<HookTarget>(
        `SELECT h.id, h."workspaceId", h."zapId", h.kind, h.app, h.secret, z.status, z."publishedVersionId" AS "versionId", v.version,
                v.definition -> 'trigger' AS trigger
         FROM hooks h JOIN zaps z ON z.id = h."zapId" LEFT JOIN zap_versions v ON v.id = z."publishedVersionId"
         WHERE h.key = $1`,
        [key],
      );
      const target = rows[0] ?? null;
      if (target) {
        if (known.size >= maxEntries) known.clear();
        known.set(key, { target, until: now + ttlMs });
      } else {
        if (unknown.size >= maxEntries) unknown.clear();
        unknown.set(key, now + ttlMs);
      }
      return target;
    },
    forget(key) {
      known.delete(key);
      unknown.delete(key);
    },
  };
}
