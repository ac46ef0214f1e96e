// Form fields the Daktela actions share (text, references, choices, custom fields) and the body they turn into.
import { z } from 'zod';

type Label = {
  title: string;
  description?: string;
  dynamicOptions?: boolean;
};

/** A mapped value that came out empty ("" or null) means "not given", not "clear it". */
const blankToUndefined = (value: unknown): unknown => (value === '' || value === null ? undefined : value);

export function requiredText(label: Label, max = 10_000) {
  return z.preprocess(blankToUndefined, z.string().trim().min(1).max(max)).meta(label);
}

export function optionalText(label: Label, max = 100_000) {
  return z.preprocess(blankToUndefined, z.string().trim().max(max).optional()).meta(label);
}

/** A record name: text for most models, an integer for tickets and queues; a mapped number is kept as typed. */
export function requiredName(label: Label) {
  return z.preprocess(blankToUndefined, z.union([z.string().trim().min(1), z.number().int()])).meta(label);
}

export function optionalName(label: Label) {
  return z.preprocess(blankToUndefined, z.union([z.string().trim().min(1), z.number().int()]).optional()).meta(label);
}

export function requiredChoice<const Values extends readonly [string, ...string[]]>(values: Values, fallback: Values[number], label: Label) {
  return z.preprocess(blankToUndefined, z.enum(values).default(fallback)).meta(label);
}

export function optionalChoice<const Values extends readonly [string, ...string[]]>(values: Values, label: Label) {
  return z.preprocess(blankToUndefined, z.enum(values).optional()).meta(label);
}

/** "YYYY-MM-DD HH:MM:SS", the instance's local time, as Daktela writes times. */
export function optionalTime(label: Label) {
  return z
    .preprocess(blankToUndefined, z.string().trim().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/, 'Use YYYY-MM-DD HH:MM:SS').optional())
    .meta(label);
}

export function optionalInteger(label: Label) {
  return z.preprocess(blankToUndefined, z.coerce.number().int().optional()).meta(label);
}

/** A list of record names; a single mapped value or comma-separated text is accepted too. */
export function optionalNames(label: Label) {
  return z
    .preprocess((value) => {
      const given = blankToUndefined(value);
      if (typeof given === 'string') return given.split(',').map((item) => item.trim()).filter((item) => item !== '');
      if (typeof given === 'number') return [given];
      return given;
    }, z.array(z.union([z.string().trim().min(1), z.number().int()])).optional())
    .meta(label);
}

const customValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Custom fields by their field name (Daktela: Settings → custom fields); single values are wrapped in a list. */
export function customFieldsField(description = 'Values by custom field name, e.g. {"note": "VIP"}. Daktela keeps every value as a list; single values are wrapped for you.') {
  return z.record(z.string(), z.union([customValue, z.array(customValue)])).optional().meta({ title: 'Custom fields', description });
}

export type CustomFieldsInput = Record<string, string | number | boolean | null | Array<string | number | boolean | null>> | undefined;

/** Every custom field value is a list in Daktela. */
export function customFieldsBody(fields: CustomFieldsInput, extra: Record<string, string | undefined> = {}): Record<string, unknown[]> | undefined {
  const out: Record<string, unknown[]> = {};
  for (const [key, value] of Object.entries(fields ?? {})) out[key] = Array.isArray(value) ? value : [value];
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) out[key] = [value];
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Extra body fields for actions whose exact Daktela fields are inferred: merged over what the form builds. */
export function extraFieldsField() {
  return z
    .record(z.string(), z.json())
    .optional()
    .meta({ title: 'Additional fields', description: 'More fields to send as they are, e.g. {"contact": "contacts_5fa2…"}; they override the fields above.' });
}

/** The body without the fields the user left empty. */
export function compact(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
