// Instant messages through CINNOX's message push, shared by "to a staff member" and "to a group room": the form and the push.
import type { OutputField, ServiceContext } from '../../kit/define.ts';
import { compact, longText, optionalText, text } from '../../kit/fields.ts';
import { CINNOX_PATHS, cinnoxCall } from './client.ts';

/** CINNOX's message push takes at most 5000 characters a message (API-NOTES §5.3). */
const CINNOX_MESSAGE_MAX = 5000;

export const messageFields = {
  roomID: text({ title: 'Room ID', description: 'The conversation room the message goes to.' }),
  text: longText({ title: 'Message', description: 'At most 5000 characters.' }, { max: CINNOX_MESSAGE_MAX }),
  senderEID: optionalText({ title: 'Sender EID', description: 'Optional: send as this member (their EID).' }),
};

export const pushedMessageOutputFields: readonly OutputField[] = [{ key: 'roomID', label: 'Room ID', type: 'string' }];

export async function pushMessage(
  context: ServiceContext,
  message: { roomID: string; text: string; senderEID?: string; receiverEID?: string },
): Promise<Record<string, unknown>> {
  const body = compact({
    roomID: message.roomID,
    messages: [{ type: 'text', text: message.text }],
    senderEID: message.senderEID,
    receiverEID: message.receiverEID,
  });
  const result = await cinnoxCall(context, { method: 'POST', path: CINNOX_PATHS.messagePush, body });
  return { roomID: message.roomID, ...(result !== null && typeof result === 'object' ? result : {}) };
}
