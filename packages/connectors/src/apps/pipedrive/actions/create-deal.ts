// Pipedrive "Create Deal": POST /api/v2/deals with the deal's fields.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { text } from '../../../kit/fields.ts';
import { pipedriveData, writeBody } from '../client.ts';
import { dealChoices, dealFields } from '../deals.ts';
import { dealOutputFields, dealSample } from '../records.ts';

export const createDeal = defineAction({
  key: 'create_deal',
  name: 'Create Deal',
  description: 'Creates a deal in Pipedrive and returns it.',
  input: z.object({ title: text({ title: 'Title' }, { max: 255 }), ...dealFields }),
  sample: dealSample,
  outputFields: dealOutputFields,
  options: dealChoices,
  perform: (context) => pipedriveData(context, { method: 'POST', path: '/api/v2/deals', body: writeBody(context.input) }),
});
