// The activity form the create and update actions share, and the v2 body it becomes (the person as primary participant).
import { optionalDate, optionalFlag, optionalId, optionalLongText, optionalText, optionalTime } from '../../kit/fields.ts';
import { writeBody } from './client.ts';
import { ownerField } from './record-fields.ts';

export const activityFields = {
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

/**
 * In v2 an activity's person_id is read-only (the API v2 migration guide; the SDK's AddActivityRequest still lists
 * it, and Pipedrive answers it with a 400): the person is set as its primary participant.
 */
export function activityBody<Fields extends ActivityFields>({ person_id: personId, ...fields }: Fields) {
  return writeBody({ ...fields, participants: personId === undefined ? undefined : [{ person_id: personId, primary: true }] });
}
