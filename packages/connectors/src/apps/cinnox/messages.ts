// Instant messages through CINNOX's message push: to a staff member in a room, or to a whole group room.
import { z } from 'zod';
import type { StepHttp } from '../../http/client.ts';
import { defineAction, type Credentials } from '../../kit/define.ts';
import { CINNOX_PATHS, cinnoxCall } from './client.ts';

const roomID = z.string().trim().min(1).meta({ title: 'Room ID', description: 'The conversation room the message goes to.' });
const text = z.string().min(1).max(5000).meta({ title: 'Message', description: 'At most 5000 characters.' });
const senderEID = z.string().trim().optional().meta({ title: 'Sender EID', description: 'Optional: send as this member (their EID).' });

async function push(http: StepHttp, auth: Credentials | undefined, message: { roomID: string; text: string; senderEID?: string | undefined; receiverEID?: string }): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = { roomID: message.roomID, messages: [{ type: 'text', text: message.text }] };
  if (message.senderEID) body.senderEID = message.senderEID;
  if (message.receiverEID) body.receiverEID = message.receiverEID;
  const result = await cinnoxCall(http, auth, { method: 'POST', path: CINNOX_PATHS.messagePush, body });
  return { roomID: message.roomID, ...(result !== null && typeof result === 'object' ? result : {}) };
}

/** ⚠ INFERRED mapping: a message "to staff" is a push into a room with `receiverEID` = that staff member. */
export const sendImToStaff = defineAction({
  key: 'send_im_to_staff',
  name: 'Send IM to Staff',
  description: 'Sends an instant message to one staff member, in the room you share with them.',
  input: z.object({
    roomID,
    staffEID: z.string().trim().min(1).meta({ title: 'Staff EID', description: 'The EID of the staff member who receives the message.' }),
    text,
    senderEID,
  }),
  sample: { roomID: 'room_77c1' },
  perform: ({ input, auth, http }) => push(http, auth, { roomID: input.roomID, text: input.text, senderEID: input.senderEID, receiverEID: input.staffEID }),
});

export const sendImToGroupRoom = defineAction({
  key: 'send_im_to_group_room',
  name: 'Send IM to a Group Room',
  description: 'Sends an instant message to every member of a group room.',
  input: z.object({ roomID, text, senderEID }),
  sample: { roomID: 'room_team_sales' },
  perform: ({ input, auth, http }) => push(http, auth, { roomID: input.roomID, text: input.text, senderEID: input.senderEID }),
});
