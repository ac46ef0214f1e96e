// Twenty "Create or update record": find by a field; PATCH the match, or POST a new record when there is none.
import { z } from 'zod';
import { StepFailure } from '../../../http/errors.ts';
import { defineAction } from '../../../kit/define.ts';
import { recordsPath, sendToTwenty, unwrapRecord } from '../client.ts';
import { loadObjects, objectField, recordFieldsField } from '../objects.ts';
import { personOutputFields, samplePerson } from '../samples.ts';
import { findFirstRecord, searchField, searchValueField } from '../search.ts';

function valueAt(fields: Record<string, unknown>, path: string): unknown {
  let current: unknown = fields;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export const upsertRecord = defineAction({
  key: 'upsert_record',
  name: 'Create or update record',
  description: 'Looks a record up by a field (e.g. emails.primaryEmail): updates the first match with the fields, or creates a record when none matches.',
  input: z.object({
    object: objectField,
    matchField: searchField({
      title: 'Match on field',
      description: 'The field that identifies the record, e.g. emails.primaryEmail for people or domainName.primaryLinkUrl for companies.',
    }),
    matchValue: searchValueField.optional().meta({ title: 'Match value', description: 'Defaults to that field’s value in Fields.' }),
    fields: recordFieldsField,
  }),
  sample: samplePerson,
  outputFields: personOutputFields,
  options: { object: loadObjects },
  async perform(context) {
    const { input } = context;
    const value = input.matchValue ?? valueAt(input.fields, input.matchField);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new StepFailure(`Give a match value, or include ${input.matchField} in Fields.`, { transient: false, code: 'INVALID_INPUT' });
    }
    const existing = await findFirstRecord(context, input.object, input.matchField, 'eq', value);
    const response =
      typeof existing?.id === 'string'
        ? await sendToTwenty(context, { method: 'PATCH', path: recordsPath(input.object, existing.id), body: input.fields })
        : await sendToTwenty(context, { method: 'POST', path: recordsPath(input.object), body: input.fields });
    return unwrapRecord(response.body);
  },
});
