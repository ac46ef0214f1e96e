// Deal actions: create and update a deal (v2), with pipelines, stages and owners as choices.
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { compact, id, optionalChoice, optionalDate, optionalId, optionalNumber, optionalText, text } from '../../kit/fields.ts';
import { pipedriveData } from './client.ts';
import { pipelineChoices, stageChoices, userChoices } from './options.ts';
import { customFieldsField, labelIdsField, ownerField, visibleToField } from './record-fields.ts';
import { dealSample } from './records.ts';

/** The v2 deal body, field for field: the input keys are Pipedrive's own names. */
const dealFields = {
  value: optionalNumber({ title: 'Value', description: 'The deal’s value, in its currency.' }),
  currency: optionalText({ title: 'Currency', description: 'Three-letter code, e.g. USD. Defaults to the company’s currency.' }, { max: 3 }),
  person_id: optionalId({ title: 'Person id', description: 'The contact person this deal is with.' }),
  org_id: optionalId({ title: 'Organization id', description: 'The organization this deal is with.' }),
  owner_id: ownerField(),
  pipeline_id: optionalId({ title: 'Pipeline', dynamicOptions: true }),
  stage_id: optionalId({ title: 'Stage', description: 'Defaults to the first stage of the pipeline.', dynamicOptions: true }),
  status: optionalChoice(['open', 'won', 'lost'], { title: 'Status' }),
  probability: optionalNumber({ title: 'Success probability (%)' }),
  lost_reason: optionalText({ title: 'Lost reason', description: 'Only when the status is lost.' }),
  expected_close_date: optionalDate({ title: 'Expected close date', description: 'YYYY-MM-DD' }),
  visible_to: visibleToField(),
  label_ids: labelIdsField(),
  custom_fields: customFieldsField(),
};

const options = { owner_id: userChoices, pipeline_id: pipelineChoices, stage_id: stageChoices };

export const createDeal = defineAction({
  key: 'create_deal',
  name: 'Create Deal',
  description: 'Creates a deal in Pipedrive and returns it.',
  input: z.object({ title: text({ title: 'Title' }, { max: 255 }), ...dealFields }),
  sample: dealSample,
  options,
  perform: (context) => pipedriveData(context, { method: 'POST', path: '/api/v2/deals', body: compact(context.input) }),
});

export const updateDeal = defineAction({
  key: 'update_deal',
  name: 'Update Deal',
  description: 'Changes the given fields of a Pipedrive deal and returns the deal; fields left empty keep their value.',
  input: z.object({
    id: id({ title: 'Deal id' }),
    title: optionalText({ title: 'Title' }, { max: 255 }),
    ...dealFields,
  }),
  sample: dealSample,
  options,
  perform: (context) => {
    const { id: dealId, ...fields } = context.input;
    return pipedriveData(context, { method: 'PATCH', path: `/api/v2/deals/${dealId}`, body: compact(fields) });
  },
});
