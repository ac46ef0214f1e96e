// Activity actions: create and update an activity (call, meeting, task...) in v2.
import { z } from 'zod';
import { defineAction, type ActionDefinition } from '../../kit/define.ts';
import { pipedriveData } from './client.ts';
import { idField, optionalDate, optionalFlag, optionalId, optionalText, optionalTime, ownerField } from './fields.ts';
import { userChoices } from './options.ts';
import { activitySample, definedFields } from './records.ts';

const activityFields = {
  subject: optionalText({ title: 'Subject' }, 255),
  type: optionalText({ title: 'Type', description: 'The activity type’s key, e.g. call, meeting, task, deadline, email, lunch.' }, 100),
  owner_id: ownerField(),
  deal_id: optionalId({ title: 'Deal id' }),
  lead_id: optionalText({ title: 'Lead id', description: 'The lead’s UUID.' }, 64),
  person_id: optionalId({ title: 'Person id', description: 'Added as the primary participant.' }),
  org_id: optionalId({ title: 'Organization id' }),
  due_date: optionalDate({ title: 'Due date', description: 'YYYY-MM-DD' }),
  due_time: optionalTime({ title: 'Due time', description: 'HH:MM, UTC' }),
  duration: optionalTime({ title: 'Duration', description: 'HH:MM' }),
  busy: optionalFlag({ title: 'Busy', description: 'Marks the owner busy in the calendar.' }),
  done: optionalFlag({ title: 'Done' }),
  note: optionalText({ title: 'Note', description: 'HTML allowed.' }, 100_000),
  public_description: optionalText({ title: 'Public description' }),
};

type ActivityFields = { person_id?: number | undefined } & Record<string, unknown>;

/** In v2 an activity's person_id is read-only: the person is set as its primary participant. */
function activityBody({ person_id: personId, ...fields }: ActivityFields): Record<string, unknown> {
  return definedFields({ ...fields, participants: personId === undefined ? undefined : [{ person_id: personId, primary: true }] });
}

export const createActivity = defineAction({
  key: 'create_activity',
  name: 'Create Activity',
  description: 'Creates an activity (call, meeting, task...) in Pipedrive and returns it.',
  input: z.object(activityFields),
  sample: activitySample,
  options: { owner_id: userChoices },
  perform: ({ input, auth, http }) =>
    pipedriveData({ auth, http }, { method: 'POST', path: '/api/v2/activities', body: activityBody(input) }),
}) as ActionDefinition;

export const updateActivity = defineAction({
  key: 'update_activity',
  name: 'Update Activity',
  description: 'Changes the given fields of a Pipedrive activity (e.g. marks it done) and returns it; fields left empty keep their value.',
  input: z.object({ id: idField({ title: 'Activity id' }), ...activityFields }),
  sample: activitySample,
  options: { owner_id: userChoices },
  perform: ({ input: { id, ...fields }, auth, http }) =>
    pipedriveData({ auth, http }, { method: 'PATCH', path: `/api/v2/activities/${id}`, body: activityBody(fields) }),
}) as ActionDefinition;
