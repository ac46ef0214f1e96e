// Daktela's custom fields: the form field, and the body Daktela expects, where every value is a list.
import { customFields } from '../../kit/fields.ts';

/** Custom fields by their field name (Daktela: Settings → custom fields). */
export function customFieldsField() {
  return customFields('Values by custom field name, e.g. {"note": "VIP"}. Daktela keeps every value as a list; single values are wrapped for you.');
}

/**
 * Every custom field value is a list in Daktela, so single values are wrapped. `single` adds values the form collects
 * in fields of their own (a contact's e-mail and phone); the ones left empty are not sent.
 */
export function customFieldsBody(
  fields: Record<string, unknown> | undefined,
  single: Record<string, string | undefined> = {},
): Record<string, unknown[]> | undefined {
  const out: Record<string, unknown[]> = {};
  for (const [key, value] of Object.entries(fields ?? {})) out[key] = Array.isArray(value) ? value : [value];
  for (const [key, value] of Object.entries(single)) if (value !== undefined) out[key] = [value];
  return Object.keys(out).length > 0 ? out : undefined;
}
