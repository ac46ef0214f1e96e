// The connector catalog (GET /apps): every app with its auth fields, triggers and actions, each with a JSON Schema input and what it returns.
import type { OutputField } from '@switchyard/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import type { JsonSchema } from '../forms/schema.ts';

export type AuthFieldType = 'string' | 'password' | 'url' | 'number' | 'boolean';

export type AuthField = {
  key: string;
  label: string;
  type: AuthFieldType | string;
  required: boolean;
  secret: boolean;
  help: string | null;
};

export type TriggerKind = 'polling' | 'hook' | 'app_webhook' | 'schedule' | 'manual';

export type Operation = {
  key: string;
  name: string;
  description: string;
  inputSchema: JsonSchema;
  sample: unknown;
  /** Absent from older servers: the data picker then names fields by their keys alone. */
  outputFields?: readonly OutputField[];
  /** False when the request or payload rests on a guess about the service (absent from older servers: verified). */
  verified?: boolean;
  unverifiedReason?: string | null;
};

export type TriggerOperation = Operation & { kind: TriggerKind };

export type AppManifest = {
  key: string;
  name: string;
  description: string;
  auth: { fields: AuthField[] } | null;
  triggers: TriggerOperation[];
  actions: Operation[];
};

/** Step types the builder offers as steps of their own, not as apps to pick an action from. */
export const STEP_TYPE_APPS: readonly string[] = ['code', 'filter', 'paths', 'delay', 'loop'];

export const appsKey = ['apps'] as const;

/** The catalog changes only with a deploy: fetched once per session. */
export function useApps() {
  return useQuery({
    queryKey: appsKey,
    queryFn: ({ signal }) => api<AppManifest[]>('/apps', { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** Lookups over a loaded catalog, tolerant of apps and operations it does not know (an old zap, a removed connector). */
export type Catalog = {
  apps: AppManifest[];
  app(key: string): AppManifest | undefined;
  trigger(app: string, key: string): TriggerOperation | undefined;
  action(app: string, key: string): Operation | undefined;
  appName(key: string): string;
};

export function catalogOf(apps: AppManifest[] | undefined): Catalog {
  const list = apps ?? [];
  const byKey = new Map(list.map((app) => [app.key, app]));
  return {
    apps: list,
    app: (key) => byKey.get(key),
    trigger: (app, key) => byKey.get(app)?.triggers.find((trigger) => trigger.key === key),
    action: (app, key) => byKey.get(app)?.actions.find((action) => action.key === key),
    appName: (key) => byKey.get(key)?.name ?? humanize(key),
  };
}

/** `create_person` -> `Create person`, `maxLength` -> `Max length`: a fallback label for keys without a title. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
