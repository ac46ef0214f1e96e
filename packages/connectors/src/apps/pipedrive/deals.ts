// Deal actions: create and update a deal (v2), with pipelines, stages and owners as choices.
import { z } from 'zod';
import { defineAction, type ActionDefinition } from '../../kit/define.ts';
import { pipedriveData } from './client.ts';
import { customFieldsField, idField, labelIdsField, optionalChoice, optionalDate, optionalId, optionalNumber, optionalText, ownerField, visibleToField } from './fields.ts';
import { pipelineChoices, stageChoices, userChoices } from './options.ts';
import { dealSample, definedFields } from './records.ts';

/** The v2 deal body, field for field: the input keys are Pipedrive's own names. */
const dealFields = {
  value: optionalNumber({ title: 'Value', description: 'The deal’s value, in its currency.' }),
  currency: optionalText({ title: 'Currency', description: 'Three-letter code, e.g. USD. Defaults to the company’s currency.' }, 3),
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
  input: z.object({ title: z.string().trim().min(1).max(255).meta({ title: 'Title' }), ...dealFields }),
  sample: dealSample,
  options,
  perform: ({ input, auth, http }) =>
    pipedriveData({ auth, http }, { method: 'POST', path: '/api/v2/deals', body: definedFields(input) }),
}) as ActionDefinition;

export const updateDeal = defineAction({
  key: 'update_deal',
  name: 'Update Deal',
  description: 'Changes the given fields of a Pipedrive deal and returns the deal; fields left empty keep their value.',
  input: z.object({
    id: idField({ title: 'Deal id' }),
    title: optionalText({ title: 'Title' }, 255),
    ...dealFields,
  }),
  sample: dealSample,
  options,
  perform: ({ input: { id, ...fields }, auth, http }) =>
    pipedriveData({ auth, http }, { method: 'PATCH', path: `/api/v2/deals/${id}`, body: definedFields(fields) }),
}) as ActionDefinition;
