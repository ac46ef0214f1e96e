// Action "Send IM to a Group Room": a message pushed to every member of a group room.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { messageFields, pushedMessageOutputFields, pushMessage } from '../messages.ts';

export const sendImToGroupRoom = defineAction({
  key: 'send_im_to_group_room',
  name: 'Send IM to a Group Room',
  description: 'Sends an instant message to every member of a group room.',
  input: z.object(messageFields),
  sample: { roomID: 'room_team_sales' },
  outputFields: pushedMessageOutputFields,
  perform: (context) => pushMessage(context, context.input),
});
