// The deal form the create and update actions share: v2 deal fields under Pipedrive's own names, and their choices.
import { optionalChoice, optionalDate, optionalId, optionalNumber, optionalText } from '../../kit/fields.ts';
import { pipelineChoices, stageChoices, userChoices } from './options.ts';
import { customFieldsField, labelIdsField, ownerField, visibleToField } from './record-fields.ts';

/** The v2 deal body, field for field: the input keys are Pipedrive's own names. */
export const dealFields = {
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

/** Pipelines, stages of the chosen pipeline, and users as owners. */
export const dealChoices = { owner_id: userChoices, pipeline_id: pipelineChoices, stage_id: stageChoices };
