// "Set pause": puts the connection's user on a pause (lunch, meeting...) or ends it, through the user's session.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { optionalTextId } from '../../../kit/fields.ts';
import { additionalFieldsField } from '../additional-fields.ts';
import { daktelaRecord } from '../client.ts';
import { pauseOptions } from '../options.ts';
import { sessionOutputFields, sessionSample } from '../samples.ts';

/**
 * ⚠ INFERRED (API-NOTES 1.6): the pause is set on the user's session (`usersSession`, the endpoint that also logs
 * into queues) with the pause's name from /pauses.json; the realtime model reports it as `id_pause`/`onpause`.
 * The method, endpoint and field are kept here, and "Additional fields" can send what an instance expects instead.
 */
export const PAUSE_SESSION = { method: 'PUT', endpoint: 'usersSession', pauseField: 'pause' } as const;

export const setPause = defineAction({
  key: 'set_pause',
  name: 'Set pause',
  description: 'Starts a pause for the connection’s user (e.g. Lunch), or ends the current pause when no pause is chosen.',
  unverified: 'Daktela does not document how a pause is set: PUT usersSession.json with {"pause": <pause name>} is a guess.',
  input: z.object({
    pause: optionalTextId({ title: 'Pause', description: 'Leave empty to end the current pause.', dynamicOptions: true }),
    extra: additionalFieldsField(),
  }),
  sample: sessionSample,
  outputFields: sessionOutputFields,
  options: { pause: pauseOptions },
  async perform(context) {
    const { input } = context;
    return daktelaRecord(context, {
      method: PAUSE_SESSION.method,
      endpoint: PAUSE_SESSION.endpoint,
      body: { [PAUSE_SESSION.pauseField]: input.pause ?? null, ...input.extra },
    });
  },
});
