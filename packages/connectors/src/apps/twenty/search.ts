// Looking a record up by one of its fields, as "Find record" and "Create or update record" do: the form fields and the query.
import { z } from 'zod';
import type { ServiceContext } from '../../kit/define.ts';
import type { FieldLabel } from '../../kit/fields.ts';
import { apiName } from './api-names.ts';
import { filterExpression, listRecords, type TwentyRecord } from './client.ts';

/** A field's API name, with a dot for a composite sub-field. */
export function searchField(label: FieldLabel) {
  return apiName(/^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)?$/, 'A field name, with a dot for a composite sub-field (emails.primaryEmail)', label);
}

/**
 * The value to look for, as given: an empty text is a real search in Twenty (`field[eq]:""`), so unlike the kit's
 * fields a blank is not read as "not given".
 */
export const searchValueField = z.union([z.string(), z.number(), z.boolean()]);

/** The oldest record matching `field[comparator]:value`, or undefined. */
export async function findFirstRecord(
  context: ServiceContext,
  object: string,
  field: string,
  comparator: string,
  value: string | number | boolean,
): Promise<TwentyRecord | undefined> {
  const page = await listRecords(context, object, { filter: filterExpression(field, comparator, value), orderBy: 'createdAt[AscNullsFirst]', limit: 1 });
  return page.records[0];
}
