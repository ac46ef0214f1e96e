// Activity actions: create and update an activity (call, meeting, task...) in v2.
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { compact, id, optionalDate, optionalFlag, optionalId, optionalLongText, optionalText, optionalTime } from '../../kit/fields.ts';
import { pipedriveData } from './client.ts';
import { userChoices } from './options.ts';
import { ownerField } from './record-fields.ts';
import { activitySample } from './records.ts';

const activityFields = {
  subject: optionalText({ title: 'Subject' }, { max: 255 }),
  type: optionalText({ title: 'Type', description: 'The activity type’s key, e.g. call, meeting, task, deadline, email, lunch.' }, { max: 100 }),
  owner_id: ownerField(),
  deal_id: optionalId({ title: 'Deal id' }),
  lead_id: optionalText({ title: 'Lead id', description: 'The lead’s UUID.' }, { max: 64 }),
  person_id: optionalId({ title: 'Person id', description: 'Added as the primary participant.' }),
  org_id: optionalId({ title: 'Organization id' }),
  due_date: optionalDate({ title: 'Due date', description: 'YYYY-MM-DD' }),
  due_time: optionalTime({ title: 'Due time', description: 'HH:MM, UTC' }),
  duration: optionalTime({ title: 'Duration', description: 'HH:MM' }),
  busy: optionalFlag({ title: 'Busy', description: 'Marks the owner busy in the calendar.' }),
  done: optionalFlag({ title: 'Done' }),
  note: optionalLongText({ title: 'Note', description: 'HTML allowed.' }),
  public_description: optionalLongText({ title: 'Public description' }),
};

type ActivityFields = { person_id?: number | undefined } & Record<string, unknown>;

/** In v2 an activity's person_id is read-only: the person is set as its primary participant. */
function activityBody({ person_id: personId, ...fields }: ActivityFields): Record<string, unknown> {
  return compact({ ...fields, participants: personId === undefined ? undefined : [{ person_id: personId, primary: true }] });
}

export const createActivity = defineAction({
  key: 'create_activity',
  name: 'Create Activity',
  description: 'Creates an activity (call, meeting, task...) in Pipedrive and returns it.',
  input: z.object(activityFields),
  sample: activitySample,
  options: { owner_id: userChoices },
  perform: (context) => pipedriveData(context, { method: 'POST', path: '/api/v2/activities', body: activityBody(context.input) }),
});

export const updateActivity = defineAction({
  key: 'update_activity',
  name: 'Update Activity',
  description: 'Changes the given fields of a Pipedrive activity (e.g. marks it done) and returns it; fields left empty keep their value.',
  input: z.object({ id: id({ title: 'Activity id' }), ...activityFields }),
  sample: activitySample,
  options: { owner_id: userChoices },
  perform: (context) => {
    const { id: activityId, ...fields } = context.input;
    return pipedriveData(context, { method: 'PATCH', path: `/api/v2/activities/${activityId}`, body: activityBody(fields) });
  },
});
