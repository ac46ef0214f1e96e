// Pipedrive "Update Deal": PATCH /api/v2/deals/{id} with the fields given; the others keep their value.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { id, optionalText } from '../../../kit/fields.ts';
import { pipedriveData, writeBody } from '../client.ts';
import { dealChoices, dealFields } from '../deals.ts';
import { dealOutputFields, dealSample } from '../records.ts';

export const updateDeal = defineAction({
  key: 'update_deal',
  name: 'Update Deal',
  description: 'Changes the given fields of a Pipedrive deal and returns the deal; fields left empty keep their value.',
  input: z.object({ id: id({ title: 'Deal id' }), title: optionalText({ title: 'Title' }, { max: 255 }), ...dealFields }),
  sample: dealSample,
  outputFields: dealOutputFields,
  options: dealChoices,
  perform: (context) => {
    const { id: dealId, ...fields } = context.input;
    return pipedriveData(context, { method: 'PATCH', path: `/api/v2/deals/${dealId}`, body: writeBody(fields) });
  },
});
