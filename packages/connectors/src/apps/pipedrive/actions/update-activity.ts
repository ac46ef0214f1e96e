// Pipedrive "Update Activity": PATCH /api/v2/activities/{id} with the fields given (e.g. done); the others keep their value.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { id } from '../../../kit/fields.ts';
import { activityBody, activityFields } from '../activities.ts';
import { pipedriveData } from '../client.ts';
import { userChoices } from '../options.ts';
import { activityOutputFields, activitySample } from '../records.ts';

export const updateActivity = defineAction({
  key: 'update_activity',
  name: 'Update Activity',
  description: 'Changes the given fields of a Pipedrive activity (e.g. marks it done) and returns it; fields left empty keep their value.',
  input: z.object({ id: id({ title: 'Activity id' }), ...activityFields }),
  sample: activitySample,
  outputFields: activityOutputFields,
  options: { owner_id: userChoices },
  perform: (context) => {
    const { id: activityId, ...fields } = context.input;
    return pipedriveData(context, { method: 'PATCH', path: `/api/v2/activities/${activityId}`, body: activityBody(fields) });
  },
});
