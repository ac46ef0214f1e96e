// Twenty "Find record": the first record whose field matches, via GET /rest/{object}?filter=field[eq]:value&limit=1.
import { z } from 'zod';
import { StepFailure } from '../../http/errors.ts';
import { defineAction } from '../../kit/define.ts';
import { filterExpression, listRecords, type TwentyContext, type TwentyRecord } from './client.ts';
import { samplePerson } from './fields.ts';
import { loadObjects, objectField } from './objects.ts';

export const searchFieldField = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)?$/, 'A field name, with a dot for a composite sub-field (emails.primaryEmail)')
  .meta({
    title: 'Field to search by',
    description: 'A field’s API name; composite fields take a dot: emails.primaryEmail, name.lastName, domainName.primaryLinkUrl, id.',
  });

export const searchValueField = z.union([z.string(), z.number(), z.boolean()]).meta({ title: 'Value' });

/** The oldest record matching `field[comparator]:value`, or undefined. */
export async function findFirstRecord(
  context: TwentyContext,
  object: string,
  field: string,
  comparator: string,
  value: string | number | boolean,
): Promise<TwentyRecord | undefined> {
  const page = await listRecords(context, object, { filter: filterExpression(field, comparator, value), orderBy: 'createdAt[AscNullsFirst]', limit: 1 });
  return page.records[0];
}

export const findRecord = defineAction({
  key: 'find_record',
  name: 'Find record',
  description: 'Finds the first (oldest) record whose field matches a value, e.g. a person by emails.primaryEmail.',
  input: z.object({
    object: objectField,
    field: searchFieldField,
    value: searchValueField,
    comparator: z
      .enum(['eq', 'neq', 'ilike', 'like', 'startsWith', 'endsWith', 'gt', 'gte', 'lt', 'lte'])
      .default('eq')
      .meta({ title: 'Match', description: 'eq is an exact match; ilike is case-insensitive with % as a wildcard (%@example.com).' }),
    whenNotFound: z
      .enum(['empty', 'fail'])
      .default('empty')
      .meta({ title: 'If nothing matches', description: 'empty: the step succeeds with an empty output ({}); fail: the step fails.' }),
  }),
  sample: samplePerson as TwentyRecord,
  options: { object: loadObjects },
  async perform({ input, auth, http }) {
    const record = await findFirstRecord({ auth, http }, input.object, input.field, input.comparator, input.value);
    if (record) return record;
    if (input.whenNotFound === 'fail') {
      throw new StepFailure(`No ${input.object} record has ${input.field} ${input.comparator} ${JSON.stringify(input.value)}`, { transient: false, code: 'NOT_FOUND' });
    }
    return {};
  },
});
