// Action "Send IM to Staff": a message pushed into a room, to one staff member.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { text } from '../../../kit/fields.ts';
import { messageFields, pushedMessageOutputFields, pushMessage } from '../messages.ts';

/** ⚠ INFERRED mapping: a message "to staff" is a push into a room with `receiverEID` = that staff member. */
export const sendImToStaff = defineAction({
  key: 'send_im_to_staff',
  name: 'Send IM to Staff',
  description: 'Sends an instant message to one staff member, in the room you share with them.',
  unverified:
    'The message push documents roomID and receiverEID (“a specific member”) but not how to reach one staff member: the shared room plus receiverEID is inferred.',
  input: z.object({
    roomID: messageFields.roomID,
    staffEID: text({ title: 'Staff EID', description: 'The EID of the staff member who receives the message.' }),
    text: messageFields.text,
    senderEID: messageFields.senderEID,
  }),
  sample: { roomID: 'room_77c1' },
  outputFields: pushedMessageOutputFields,
  perform: (context) => {
    const { roomID, text: message, senderEID, staffEID } = context.input;
    return pushMessage(context, { roomID, text: message, senderEID, receiverEID: staffEID });
  },
});
