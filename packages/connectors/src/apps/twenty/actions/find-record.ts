// Twenty "Find record": the first record whose field matches, via GET /rest/{object}?filter=field[eq]:value&limit=1.
import { z } from 'zod';
import { StepFailure } from '../../../http/errors.ts';
import { defineAction } from '../../../kit/define.ts';
import { choice } from '../../../kit/fields.ts';
import { loadObjects, objectField } from '../objects.ts';
import { personOutputFields, samplePerson } from '../samples.ts';
import { findFirstRecord, searchField, searchValueField } from '../search.ts';

export const findRecord = defineAction({
  key: 'find_record',
  name: 'Find record',
  description: 'Finds the first (oldest) record whose field matches a value, e.g. a person by emails.primaryEmail.',
  input: z.object({
    object: objectField,
    field: searchField({
      title: 'Field to search by',
      description: 'A field’s API name; composite fields take a dot: emails.primaryEmail, name.lastName, domainName.primaryLinkUrl, id.',
    }),
    value: searchValueField.meta({ title: 'Value' }),
    comparator: choice(
      ['eq', 'neq', 'ilike', 'like', 'startsWith', 'endsWith', 'gt', 'gte', 'lt', 'lte'],
      { title: 'Match', description: 'eq is an exact match; ilike is case-insensitive with % as a wildcard (%@example.com).' },
      { default: 'eq' },
    ),
    whenNotFound: choice(
      ['empty', 'fail'],
      { title: 'If nothing matches', description: 'empty: the step succeeds with an empty output ({}); fail: the step fails.' },
      { default: 'empty' },
    ),
  }),
  sample: samplePerson,
  outputFields: personOutputFields,
  options: { object: loadObjects },
  async perform(context) {
    const { input } = context;
    const record = await findFirstRecord(context, input.object, input.field, input.comparator, input.value);
    if (record) return record;
    if (input.whenNotFound === 'fail') {
      throw new StepFailure(`No ${input.object} record has ${input.field} ${input.comparator} ${JSON.stringify(input.value)}`, {
        transient: false,
        code: 'NOT_FOUND',
      });
    }
    return {};
  },
});
