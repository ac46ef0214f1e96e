// The shape of a formatter operation: a declarative input schema plus a pure function.
import { z } from 'zod';
import type { JsonValue, OutputField } from '@switchyard/contracts';
import { StepFailure } from '../failure.ts';

/** Values as they arrive after templates: a field meant as text may hold a number, and a missing one is absent. */
export const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof Scalar>;
/** Numbers arrive as numbers or as text from templates; the operation reads them with `readNumber`. */
export const Numberish = z.union([z.number(), z.string()]);

export type FormatterOperation = {
  key: string;
  name: string;
  description: string;
  /** Field names the builder must fill before publishing (templates count as filled). */
  required: readonly string[];
  /** Schema of the action input for this operation, `operation` discriminator included. */
  schema: z.ZodObject;
  execute(input: Record<string, unknown>): JsonValue;
};

/**
 * Ties a shape to its run function so the run receives a typed, validated input while the
 * table of operations stays one plain array.
 */
export function defineOperation<const Key extends string, Shape extends z.ZodRawShape>(definition: {
  key: Key;
  name: string;
  description: string;
  required: readonly (keyof Shape & string)[];
  input: Shape;
  run(input: z.output<z.ZodObject<Shape>>): JsonValue;
}): FormatterOperation {
  const schema = z.object({ operation: z.literal(definition.key), ...definition.input });
  const inputOnly = z.object(definition.input);
  return {
    key: definition.key,
    name: definition.name,
    description: definition.description,
    required: definition.required,
    schema,
    execute(input) {
      const parsed = inputOnly.safeParse(input);
      if (!parsed.success) {
        const detail = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
        throw StepFailure.permanent(`Invalid input for ${definition.key}: ${detail}`, 'INVALID_INPUT');
      }
      return definition.run(parsed.data);
    },
  };
}

export type FormatterAction = {
  key: string;
  name: string;
  description: string;
  operations: readonly FormatterOperation[];
  /** One schema for the whole action: a union discriminated by `operation`. */
  inputSchema: z.ZodType;
  sample: JsonValue;
  /** Every formatter action returns `{output}`; its label says what the output is. */
  outputFields: readonly OutputField[];
  /** Computes only, inside the engine: nothing leaves Switchyard, so a resumed run may compute it again. */
  pure: true;
};

/** A formatter action (text, number, date): its operations under one input schema. Not the connector kit's `defineAction`. */
export function defineFormatterAction(definition: {
  key: string;
  name: string;
  description: string;
  operations: readonly [FormatterOperation, ...FormatterOperation[]];
  sample: JsonValue;
  outputFields: readonly OutputField[];
}): FormatterAction {
  const [first, ...rest] = definition.operations;
  return {
    ...definition,
    pure: true,
    inputSchema: z.discriminatedUnion('operation', [first.schema, ...rest.map((operation) => operation.schema)]),
  };
}

/** Reads a number the way a person typed it; throws a permanent failure naming the field otherwise. */
export function readNumber(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  }
  throw StepFailure.permanent(`${field} must be a number, got ${JSON.stringify(value ?? null)}`, 'INVALID_INPUT');
}

export function readText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}
