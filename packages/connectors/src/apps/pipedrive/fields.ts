// Form fields the Pipedrive actions and triggers share: ids, optional text, dates, flags and custom fields.
import { z } from 'zod';

type Label = { title: string; description?: string; dynamicOptions?: boolean };

/** A mapped value that came out empty ("" or null) means "not given", not "clear it". */
const blankToUndefined = (value: unknown): unknown => (value === '' || value === null ? undefined : value);

/** A Pipedrive id; digits typed or mapped as text are accepted. */
export function idField(label: Label) {
  return z.preprocess(blankToUndefined, z.coerce.number().int().positive()).meta(label);
}

export function optionalId(label: Label) {
  return z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()).meta(label);
}

export function optionalText(label: Label, max = 10_000) {
  return z.preprocess(blankToUndefined, z.string().trim().max(max).optional()).meta(label);
}

export function optionalNumber(label: Label) {
  return z.preprocess(blankToUndefined, z.coerce.number().finite().optional()).meta(label);
}

/** true/false, also as the text "true"/"false" a mapping produces. */
export function optionalFlag(label: Label) {
  return z
    .preprocess((value) => (value === 'true' ? true : value === 'false' ? false : blankToUndefined(value)), z.boolean().optional())
    .meta(label);
}

export function optionalDate(label: Label) {
  return z.preprocess(blankToUndefined, z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD').optional()).meta(label);
}

export function optionalTime(label: Label) {
  return z.preprocess(blankToUndefined, z.string().trim().regex(/^\d{2}:\d{2}$/, 'Use HH:MM').optional()).meta(label);
}

export function optionalChoice<const Values extends readonly [string, ...string[]]>(values: Values, label: Label) {
  return z.preprocess(blankToUndefined, z.enum(values).optional()).meta(label);
}

export const ownerField = () => optionalId({ title: 'Owner', description: 'The Pipedrive user who owns it.', dynamicOptions: true });

/** Who can see the record: 1 owner only, 3 owner's visibility group, 5 and sub-groups, 7 entire company. */
export const visibleToField = () =>
  z
    .preprocess(blankToUndefined, z.coerce.number().pipe(z.union([z.literal(1), z.literal(3), z.literal(5), z.literal(7)])).optional())
    .meta({ title: 'Visible to', description: '1 owner only, 3 owner’s visibility group, 5 owner’s group and sub-groups, 7 entire company.' });

export const labelIdsField = () =>
  z.array(z.coerce.number().int().positive()).optional().meta({ title: 'Label ids', description: 'Ids of the labels to set (replaces the current ones).' });

/** v2 custom fields: an object keyed by each field's 40-character hash (Settings → Data fields shows them). */
export const customFieldsField = () =>
  z
    .record(z.string(), z.json())
    .optional()
    .meta({ title: 'Custom fields', description: 'Values keyed by the custom field’s 40-character key, e.g. {"d4de1c1518b4531717c676029a45911c340390a6": "Gold"}.' });
