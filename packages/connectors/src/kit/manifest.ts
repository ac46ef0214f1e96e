// The JSON description of an app that GET /api/v1/apps serves and the builder renders forms from (shape: shared/API.md).
import { z } from 'zod';
import type { OutputField } from '@switchyard/contracts';
import type { AppDefinition, TriggerDefinition } from './define.ts';

export type JsonSchema = Record<string, unknown>;

export interface AuthField {
  key: string;
  label: string;
  type: string;
  required: boolean;
  secret: boolean;
  help: string | null;
}

export interface OperationManifest {
  key: string;
  name: string;
  description: string;
  /** JSON Schema of the input as the user fills it in; fields carry title, description and x- hints. */
  inputSchema: JsonSchema;
  sample: unknown;
  /** The output's fields with their labels and types, for the data picker. */
  outputFields: OutputField[];
  /** False when the request or payload rests on a guess about the service; `unverifiedReason` says which. */
  verified: boolean;
  unverifiedReason: string | null;
}

export interface AppManifest {
  key: string;
  name: string;
  description: string;
  auth: { fields: AuthField[] } | null;
  triggers: Array<OperationManifest & { kind: TriggerDefinition['type'] }>;
  actions: OperationManifest[];
}

function toSchema(schema: z.ZodType): JsonSchema {
  // io: 'input' describes what the form may send, so fields with defaults are not required.
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Field metadata set with `.meta({...})` on a zod field. */
export interface FieldMeta {
  title?: string;
  description?: string;
  secret?: boolean;
  dynamicOptions?: boolean;
}

export function fieldMeta(schema: z.ZodType): FieldMeta {
  return (z.globalRegistry.get(schema) ?? {}) as FieldMeta;
}

/** The connection form's fields in API.md's shape, from the auth schema and each field's metadata. */
export function authFields(fields: z.ZodType): AuthField[] {
  const schema = toSchema(fields) as {
    properties?: Record<string, { type?: string; title?: string; description?: string; secret?: boolean; format?: string }>;
    required?: string[];
  };
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([key, property]) => ({
    key,
    label: property.title ?? key,
    type: property.secret ? 'password' : property.format === 'uri' ? 'url' : (property.type ?? 'string'),
    required: required.has(key),
    secret: property.secret === true,
    help: property.description ?? null,
  }));
}

/** The names of the secret fields of a connection form (never shown back, redacted everywhere). */
export function secretFieldKeys(fields: z.ZodType): string[] {
  return authFields(fields)
    .filter((field) => field.secret)
    .map((field) => field.key);
}

function verification(operation: { unverified?: string }): { verified: boolean; unverifiedReason: string | null } {
  return { verified: operation.unverified === undefined, unverifiedReason: operation.unverified ?? null };
}

export function describeApp(app: AppDefinition): AppManifest {
  return {
    key: app.key,
    name: app.name,
    description: app.description,
    auth: app.auth ? { fields: authFields(app.auth.fields) } : null,
    triggers: app.triggers.map((trigger) => ({
      key: trigger.key,
      name: trigger.name,
      description: trigger.description,
      kind: trigger.type,
      inputSchema: toSchema(trigger.input),
      sample: trigger.sample,
      outputFields: [...trigger.outputFields],
      ...verification(trigger),
    })),
    actions: app.actions.map((action) => ({
      key: action.key,
      name: action.name,
      description: action.description,
      inputSchema: toSchema(action.input),
      sample: action.sample,
      outputFields: [...action.outputFields],
      ...verification(action),
    })),
  };
}
