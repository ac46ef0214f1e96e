// The app catalog as publishing and the runner see it: which triggers and actions exist, what they require.
import { findAction, findTrigger, secretFieldKeys, type AppDefinition } from '@switchyard/connectors';
import { findEngineAction, type CatalogEntry, type ZapCatalog } from '@switchyard/engine';
import { z } from 'zod';

export type TriggerKind = 'polling' | 'hook' | 'app_webhook' | 'schedule' | 'manual';

export interface AppCatalog extends ZapCatalog {
  apps: ReadonlyMap<string, AppDefinition>;
  triggerKind(app: string, event: string): TriggerKind | undefined;
  /** The trigger's sample data, for testing a zap before any real event arrived. */
  triggerSample(app: string, event: string): unknown;
  /** The secret fields of an app's credentials (redacted from run history). */
  secretKeys(app: string): readonly string[];
  /** The input fields of an action marked secret (a token typed into an HTTP step): kept out of run history and exports. */
  secretInputKeys(app: string, action: string): readonly string[];
  /**
   * Whether a step of this action may have done something outside Switchyard (sent a request), so its record must be
   * saved before the next such step. False only for actions whose definition says `pure` (the formatter's).
   */
  reachesOutside(app: string, action: string): boolean;
}

/** Top-level fields of an input schema that must be given (not optional, no default). */
function requiredFields(schema: z.ZodType): string[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key]) => key);
}

/** What a schema refuses in an input, located by path within it. */
function schemaProblems(schema: z.ZodType, input: Record<string, unknown>) {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
        message: issue.message,
      }));
}

export function createCatalog(definitions: Iterable<AppDefinition>): AppCatalog {
  const apps = new Map<string, AppDefinition>();
  for (const app of definitions) {
    if (apps.has(app.key)) throw new Error(`two apps have the key "${app.key}"`);
    apps.set(app.key, app);
  }
  const entries = new Map<string, CatalogEntry>();
  const secretKeyCache = new Map<string, readonly string[]>();
  const entry = (kind: string, app: AppDefinition, key: string, schema: z.ZodType): CatalogEntry => {
    const id = `${kind}:${app.key}:${key}`;
    let found = entries.get(id);
    if (!found) {
      found = { requiredInputs: requiredFields(schema), needsConnection: app.auth !== undefined };
      entries.set(id, found);
    }
    return found;
  };
  return {
    apps,
    hasApp: (app) => apps.has(app),
    getAction(appKey, actionKey) {
      const app = apps.get(appKey);
      const action = app && findAction(app, actionKey);
      return app && action ? entry('action', app, action.key, action.input) : undefined;
    },
    getTrigger(appKey, event) {
      const app = apps.get(appKey);
      const trigger = app && findTrigger(app, event);
      if (!app || !trigger) return undefined;
      const found = entry('trigger', app, trigger.key, trigger.input);
      // The scheduler reads a schedule's input as typed when the zap is published, so its schema must hold by then.
      return trigger.type === 'schedule' ? { ...found, inputProblems: (input) => schemaProblems(trigger.input, input) } : found;
    },
    triggerKind(appKey, event) {
      const app = apps.get(appKey);
      return app ? findTrigger(app, event)?.type : undefined;
    },
    secretKeys(appKey) {
      let keys = secretKeyCache.get(appKey);
      if (!keys) {
        const app = apps.get(appKey);
        keys = app?.auth ? secretFieldKeys(app.auth.fields) : [];
        secretKeyCache.set(appKey, keys);
      }
      return keys;
    },
    secretInputKeys(appKey, actionKey) {
      const id = `input:${appKey}.${actionKey}`;
      let keys = secretKeyCache.get(id);
      if (!keys) {
        const app = apps.get(appKey);
        const action = app && findAction(app, actionKey);
        keys = action ? secretFieldKeys(action.input) : [];
        secretKeyCache.set(id, keys);
      }
      return keys;
    },
    reachesOutside(appKey, actionKey) {
      // The engine's own apps first, as the executor runs them: a connector cannot shadow them.
      const app = apps.get(appKey);
      const action = findEngineAction(appKey, actionKey) ?? (app && findAction(app, actionKey));
      return action?.pure !== true;
    },
    triggerSample(appKey, event) {
      const app = apps.get(appKey);
      return app ? findTrigger(app, event)?.sample : undefined;
    },
  };
}
