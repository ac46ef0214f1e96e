// The form fields every connector builds its inputs from: one vocabulary, one set of limits, one reading of blanks.
import { z } from 'zod';

/** What the builder shows for a field: its label, help text, and whether its choices come from the service. */
export type FieldLabel = {
  title: string;
  description?: string;
  /** Choices are loaded through the connection (the definition's `options` has a loader under this field's key). */
  dynamicOptions?: boolean;
};

/**
 * Default maxima, so that one service's form does not accept a megabyte where another stops at a line. A field may
 * ask for less where the service documents a lower limit (Pipedrive names: 255).
 */
export const FIELD_LIMITS = {
  /** One line: names, titles, e-mail addresses, ids typed by hand. */
  text: 1_000,
  /** Paragraphs: descriptions, notes, message bodies. */
  longText: 100_000,
  /** Entries of a list field. */
  listItems: 1_000,
} as const;

/**
 * A mapped value that came out empty (null, "" or only spaces) means "not given", not "clear it": a template whose
 * source was empty must not wipe a field in the service.
 */
export function blankToUndefined(value: unknown): unknown {
  return value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
}

/** true/false, also as the text "true"/"false" (any case) that a mapping produces. */
function readFlag(value: unknown): unknown {
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return blankToUndefined(value);
}

/** A list from a list, a single mapped value, or comma-separated text. */
function readList(value: unknown): unknown {
  const given = blankToUndefined(value);
  if (typeof given === 'string')
    return given
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  if (typeof given === 'number') return [given];
  return given;
}

interface TextOptions {
  max?: number;
}

/** Required single-line text, trimmed. */
export function text(label: FieldLabel, options: TextOptions = {}) {
  return z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .min(1)
        .max(options.max ?? FIELD_LIMITS.text),
    )
    .meta(label);
}

export function optionalText(label: FieldLabel, options: TextOptions = {}) {
  return z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(options.max ?? FIELD_LIMITS.text)
        .optional(),
    )
    .meta(label);
}

/** Required text that may span paragraphs; kept as typed (leading spaces and line breaks can matter in a message). */
export function longText(label: FieldLabel, options: TextOptions = {}) {
  return z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .min(1)
        .max(options.max ?? FIELD_LIMITS.longText),
    )
    .meta({ ...label, multiline: true });
}

export function optionalLongText(label: FieldLabel, options: TextOptions = {}) {
  return z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .max(options.max ?? FIELD_LIMITS.longText)
        .optional(),
    )
    .meta({ ...label, multiline: true });
}

interface NumberOptions {
  min?: number;
  max?: number;
  /** Whole numbers only. */
  integer?: boolean;
}

function numberSchema(options: NumberOptions) {
  let schema = z.coerce.number().finite();
  if (options.integer) schema = schema.int();
  if (options.min !== undefined) schema = schema.min(options.min);
  if (options.max !== undefined) schema = schema.max(options.max);
  return schema;
}

/** A number; digits mapped as text are accepted. With a default, a blank field takes it. */
export function number(label: FieldLabel, options: NumberOptions & { default?: number } = {}) {
  const schema = numberSchema(options);
  return z.preprocess(blankToUndefined, options.default === undefined ? schema : schema.default(options.default)).meta(label);
}

export function optionalNumber(label: FieldLabel, options: NumberOptions = {}) {
  return z.preprocess(blankToUndefined, numberSchema(options).optional()).meta(label);
}

/** One of fixed values. With a default, a blank field takes it. */
export function choice<const Values extends readonly [string, ...string[]]>(values: Values, label: FieldLabel, options: { default?: Values[number] } = {}) {
  const schema = z.enum(values);
  return z.preprocess(blankToUndefined, options.default === undefined ? schema : schema.default(options.default)).meta(label);
}

export function optionalChoice<const Values extends readonly [string, ...string[]]>(values: Values, label: FieldLabel) {
  return z.preprocess(blankToUndefined, z.enum(values).optional()).meta(label);
}

/** A yes/no switch with a default. */
export function flag(label: FieldLabel, options: { default: boolean }) {
  return z.preprocess(readFlag, z.boolean().default(options.default)).meta(label);
}

/** Yes, no, or not given (the service's default applies). */
export function optionalFlag(label: FieldLabel) {
  return z.preprocess(readFlag, z.boolean().optional()).meta(label);
}

/** A numeric record id (Pipedrive, HelpCrunch); digits mapped as text are accepted. */
export function id(label: FieldLabel) {
  return z.preprocess(blankToUndefined, z.coerce.number().int().positive()).meta(label);
}

export function optionalId(label: FieldLabel) {
  return z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()).meta(label);
}

const textIdSchema = z.union([z.string().trim().min(1).max(FIELD_LIMITS.text), z.number().int()]);

/**
 * A record id or name that is text (a UUID, a Daktela record name such as `contacts_5fa2…`); some services number a
 * few models instead (Daktela tickets), so a mapped whole number is kept as it came.
 */
export function textId(label: FieldLabel) {
  return z.preprocess(blankToUndefined, textIdSchema).meta(label);
}

export function optionalTextId(label: FieldLabel) {
  return z.preprocess(blankToUndefined, textIdSchema.optional()).meta(label);
}

/** Several ids or names; a single mapped value or comma-separated text is accepted too. */
export function optionalTextIds(label: FieldLabel) {
  return z.preprocess(readList, z.array(textIdSchema).max(FIELD_LIMITS.listItems).optional()).meta(label);
}

/** Several texts (tags, phone numbers); a single value or comma-separated text is accepted too. */
export function list(label: FieldLabel, item: z.ZodString = z.string().trim().min(1).max(FIELD_LIMITS.text)) {
  return z.preprocess(readList, z.array(item).min(1).max(FIELD_LIMITS.listItems)).meta(label);
}

export function optionalList(label: FieldLabel, item: z.ZodString = z.string().trim().min(1).max(FIELD_LIMITS.text)) {
  return z.preprocess(readList, z.array(item).max(FIELD_LIMITS.listItems).optional()).meta(label);
}

/** The date formats services ask for. */
const DATE_FORMATS = {
  'YYYY-MM-DD': /^\d{4}-\d{2}-\d{2}$/,
  'DD/MM/YYYY': /^\d{2}\/\d{2}\/\d{4}$/,
} as const;

export function optionalDate(label: FieldLabel, format: keyof typeof DATE_FORMATS = 'YYYY-MM-DD') {
  return z.preprocess(blankToUndefined, z.string().trim().regex(DATE_FORMATS[format], `Use ${format}`).optional()).meta(label);
}

/** A time of day, HH:MM. */
export function optionalTime(label: FieldLabel) {
  return z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^\d{2}:\d{2}$/, 'Use HH:MM')
        .optional(),
    )
    .meta(label);
}

/**
 * A point in time: `iso` is ISO 8601 with a zone (2025-05-01T09:00:00Z); `local` is the service's local wall time
 * as Daktela writes it (YYYY-MM-DD HH:MM[:SS], the date alone allowed).
 */
const DATE_TIME_FORMATS = {
  iso: { pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, hint: 'Use ISO 8601, e.g. 2025-05-01T09:00:00Z' },
  local: { pattern: /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/, hint: 'Use YYYY-MM-DD HH:MM:SS' },
} as const;

export function optionalDateTime(label: FieldLabel, format: keyof typeof DATE_TIME_FORMATS = 'iso') {
  const { pattern, hint } = DATE_TIME_FORMATS[format];
  return z.preprocess(blankToUndefined, z.string().trim().regex(pattern, hint).optional()).meta(label);
}

/** Free key/value pairs sent as they are (extra body fields, query parameters); values may be any JSON. */
export function optionalKeyValue(label: FieldLabel) {
  return z.preprocess(blankToUndefined, z.record(z.string(), z.json()).optional()).meta(label);
}

/** Flat key/value pairs whose values are text, numbers, yes/no or empty (HelpCrunch custom data). */
export function optionalFlatKeyValue(label: FieldLabel) {
  return z.preprocess(blankToUndefined, z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional()).meta(label);
}

/** The service's custom fields, keyed as the service keys them (a name, a 40-character hash); the description says how. */
export function customFields(description: string) {
  return optionalKeyValue({ title: 'Custom fields', description });
}

function asJsonObject(value: unknown, context: z.RefinementCtx): Record<string, unknown> {
  if (typeof value !== 'string') return value as Record<string, unknown>;
  try {
    const parsed = JSON.parse(value) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    context.addIssue({ code: 'custom', message: 'Must be a JSON object, e.g. {"jobTitle": "CTO"}' });
  } catch (error) {
    context.addIssue({ code: 'custom', message: `Not valid JSON (${(error as Error).message})` });
  }
  return z.NEVER;
}

/** A JSON object, given as an object or as JSON text (a mapping of a whole object, or text typed into the form). */
export function jsonObject(label: FieldLabel) {
  return z
    .union([z.record(z.string(), z.unknown()), z.string()])
    .transform(asJsonObject)
    .meta(label);
}

/** The body without the fields the user left empty (undefined); null stays, since it means "clear it". */
export function compact<T extends Record<string, unknown>>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<T>;
}
