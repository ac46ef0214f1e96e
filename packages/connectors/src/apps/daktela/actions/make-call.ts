// "Make a call": Daktela click-to-call, an outbound CALL activity (POST /activities.json), after logging into its queue.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { flag, optionalTextId, text, textId } from '../../../kit/fields.ts';
import { createActivity } from '../activities.ts';
import { daktelaRequest } from '../client.ts';
import { queueOptions, userOptions } from '../options.ts';
import { activityOutputFields, activitySample } from '../samples.ts';

export const makeCall = defineAction({
  key: 'make_call',
  name: 'Make a call',
  description: 'Starts an outbound call (click-to-call): Daktela rings the user’s device, then dials the number.',
  input: z.object({
    number: text({ title: 'Phone number', description: 'The number to dial, e.g. +420777123456.' }, { max: 100 }),
    queue: textId({ title: 'Queue', description: 'The outbound call queue, e.g. 2000.', dynamicOptions: true }),
    user: optionalTextId({
      title: 'Call as user',
      description: 'Call on behalf of this user (login) instead of the connection’s user; that user must already be logged into the queue.',
      dynamicOptions: true,
    }),
    loginToQueue: flag(
      {
        title: 'Log into the queue first',
        description:
          'Daktela only places calls from a queue the user is logged into; this logs the connection’s user in first (skipped when calling as another user).',
      },
      { default: true },
    ),
  }),
  sample: activitySample,
  outputFields: [...activityOutputFields, { key: 'item.clid', label: 'Phone number', type: 'string' }],
  options: { queue: queueOptions('out'), user: userOptions },
  async perform(context) {
    const { input } = context;
    if (input.loginToQueue && input.user === undefined) {
      await daktelaRequest(context, { method: 'POST', endpoint: 'usersSession', body: { queues: [{ login: true, name: input.queue, penalty: 0 }] } });
    }
    return createActivity(context, { type: 'CALL', number: input.number, queue: input.queue, user: input.user });
  },
});
