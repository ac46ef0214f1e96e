// Pipedrive "Create Activity": POST /api/v2/activities (a call, meeting, task...), the person as primary participant.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { activityBody, activityFields } from '../activities.ts';
import { pipedriveData } from '../client.ts';
import { userChoices } from '../options.ts';
import { activityOutputFields, activitySample } from '../records.ts';

export const createActivity = defineAction({
  key: 'create_activity',
  name: 'Create Activity',
  description: 'Creates an activity (call, meeting, task...) in Pipedrive and returns it.',
  input: z.object(activityFields),
  sample: activitySample,
  outputFields: activityOutputFields,
  options: { owner_id: userChoices },
  perform: (context) => pipedriveData(context, { method: 'POST', path: '/api/v2/activities', body: activityBody(context.input) }),
});
