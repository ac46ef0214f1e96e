// Reads an app's JSON Schema input into form fields: which control each property gets, its label, hint and choices.
import { humanize } from '../catalog/api.ts';

/** The subset of JSON Schema the catalog produces (zod's toJSONSchema plus our `dynamicOptions` and `secret` hints). */
export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  dynamicOptions?: boolean;
  secret?: boolean;
  multiline?: boolean;
  [extra: string]: unknown;
};

/**
 * How a field is edited:
 * - `text`: free text that may mix in `{{...}}` references; `secret` the same, masked.
 * - `number`: text that becomes a number when it is one (a reference stays text).
 * - `boolean` and `select`: a dropdown, with a switch to map data instead.
 * - `multi`: a list of fixed choices (an array of an enum), as checkboxes.
 * - `dynamic`: a dropdown whose choices the service supplies.
 * - `object`: a group of nested fields; `record`: free key/value pairs of text.
 * - `json`: anything else (arrays, open objects, mixed unions) as JSON text.
 */
export type FieldKind = 'text' | 'secret' | 'number' | 'boolean' | 'select' | 'multi' | 'dynamic' | 'object' | 'record' | 'json';

export type Choice = { value: string; label: string };

export type FieldSpec = {
  key: string;
  label: string;
  description: string | null;
  required: boolean;
  kind: FieldKind;
  schema: JsonSchema;
  /** For `select`: the enum's values as text, with their JSON values to store. */
  choices: Array<Choice & { raw: unknown }>;
  defaultValue: unknown;
  /** True when the field holds a single line of text (URLs, names); false for long text. */
  multiline: boolean;
};

export type Variant = { value: string; label: string; description: string | null; schema: JsonSchema };

/** A union of objects told apart by one property with a constant value (the formatter's `operation`). */
export type DiscriminatedUnion = { discriminator: string; variants: Variant[] };

function types(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === 'string') return [schema.type];
  return [];
}

function isObjectSchema(schema: JsonSchema): boolean {
  return types(schema).includes('object') || schema.properties !== undefined;
}

/** Finds the property every branch of a union fixes to a different constant, if there is one. */
export function discriminatedUnion(schema: JsonSchema): DiscriminatedUnion | null {
  const branches = schema.oneOf ?? schema.anyOf;
  if (!branches || branches.length === 0 || !branches.every(isObjectSchema)) return null;
  const first = branches[0]?.properties ?? {};
  for (const candidate of Object.keys(first)) {
    const values = branches.map((branch) => branch.properties?.[candidate]?.const);
    if (values.every((value) => typeof value === 'string') && new Set(values).size === values.length) {
      return {
        discriminator: candidate,
        variants: branches.map((branch, index) => {
          const value = values[index] as string;
          const property = branch.properties?.[candidate];
          return {
            value,
            label: branch.title ?? property?.title ?? humanize(value),
            description: branch.description ?? property?.description ?? null,
            schema: branch,
          };
        }),
      };
    }
  }
  return null;
}

const LONG_TEXT = /body|text|message|description|content|note|comment|html|template/i;

export function fieldKind(schema: JsonSchema): FieldKind {
  if (schema.dynamicOptions === true) return 'dynamic';
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return 'select';
  if (schema.const !== undefined) return 'select';
  const kinds = types(schema).filter((type) => type !== 'null');
  if (schema.anyOf || schema.oneOf) {
    const branches = (schema.anyOf ?? schema.oneOf ?? []).map(fieldKind);
    if (branches.every((kind) => kind === 'text' || kind === 'number' || kind === 'boolean' || kind === 'secret')) return 'text';
    return 'json';
  }
  if (kinds.length === 0) return schema.properties ? 'object' : 'json';
  if (kinds.length > 1) {
    // string | number | boolean: a value typed as text (templates render into any of them).
    return kinds.every((type) => ['string', 'number', 'integer', 'boolean'].includes(type)) ? 'text' : 'json';
  }
  switch (kinds[0]) {
    case 'string':
      return schema.secret === true ? 'secret' : 'text';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return Array.isArray(schema.items?.enum) && schema.items.enum.length > 0 ? 'multi' : 'json';
    case 'object': {
      if (schema.properties && Object.keys(schema.properties).length > 0) return 'object';
      const values = schema.additionalProperties;
      if (typeof values === 'object' && types(values).length === 1 && types(values)[0] === 'string') return 'record';
      return 'json';
    }
    default:
      return 'json';
  }
}

/** The fields of an object schema, in the schema's order, minus any the caller handles itself. */
export function describeFields(schema: JsonSchema, omit: readonly string[] = []): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([key]) => !omit.includes(key))
    .map(([key, property]) => {
      const kind = fieldKind(property);
      const enumValues = property.enum ?? (property.const !== undefined ? [property.const] : kind === 'multi' ? (property.items?.enum ?? []) : []);
      return {
        key,
        label: property.title ?? humanize(key),
        description: property.description ?? null,
        // A field with a default is never missing: the service fills it in.
        required: required.has(key) && property.default === undefined,
        kind,
        schema: property,
        choices: enumValues.map((raw) => ({ value: String(raw), label: choiceLabel(raw), raw })),
        defaultValue: property.default,
        // The connector kit marks long text (`multiline`); older schemas are judged by the field's name.
        multiline: kind === 'text' && (property.multiline === true || (property.format === undefined && LONG_TEXT.test(key))),
      };
    });
}

function choiceLabel(raw: unknown): string {
  if (typeof raw !== 'string') return String(raw);
  // Codes such as `GET` or `USD` read best as they are; snake_case reads better humanised.
  return /^[A-Z0-9_]+$/.test(raw) && raw.length <= 6 ? raw : /[_-]/.test(raw) || /^[a-z]/.test(raw) ? humanize(raw) : raw;
}

/** How many fields a form shows before "more fields", besides the required and filled ones. */
const LEADING_FIELDS = 4;

/**
 * Fields that must be filled, already have a value, or come first (schemas list the common ones first) are shown;
 * the rest wait behind "more fields" so a long form starts short.
 */
export function splitByPriority(fields: FieldSpec[], value: Record<string, unknown>): { main: FieldSpec[]; more: FieldSpec[] } {
  const main: FieldSpec[] = [];
  const more: FieldSpec[] = [];
  fields.forEach((field, index) => {
    if (fields.length <= LEADING_FIELDS + 2 || index < LEADING_FIELDS || field.required || value[field.key] !== undefined) main.push(field);
    else more.push(field);
  });
  return { main, more };
}

/** Text typed into a number field: a number when it reads as one, else kept as text (a `{{...}}` reference). */
export function parseNumberInput(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  return text;
}

/** Sets or removes one key of an input object; empty values are removed so the service's defaults apply. */
export function withField(value: Record<string, unknown>, key: string, next: unknown): Record<string, unknown> {
  const copy = { ...value };
  if (next === undefined || next === '') delete copy[key];
  else copy[key] = next;
  return copy;
}
