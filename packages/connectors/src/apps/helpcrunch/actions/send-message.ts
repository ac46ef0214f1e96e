// Action "Send Message": a reply (or a private note) from an agent, or a message as the customer, in a chat.
import { z } from 'zod';
import { StepFailure } from '../../../http/errors.ts';
import { defineAction } from '../../../kit/define.ts';
import { choice, compact, id, longText, optionalId, optionalLongText } from '../../../kit/fields.ts';
import { loadAgents } from '../agents.ts';
import { helpcrunchCall, helpcrunchErrorCodes, notFound } from '../client.ts';

/**
 * HelpCrunch's docs for this call list two answers about the chat, without saying which an unknown one gets: 404
 * `chat_not_found` ("Chat is missing") and 400 `invalid_chat_value` ("Invalid chat ID"). Both mean there is no such
 * chat to write to; a 404 about the agent (`entity_not_found`) does not.
 */
function isUnknownChat(failure: StepFailure): boolean {
  const codes = helpcrunchErrorCodes(failure);
  if (failure.status === 400) return codes.includes('invalid_chat_value');
  return failure.status === 404 && /chat/i.test(failure.message);
}

export const sendMessage = defineAction({
  key: 'send_message',
  name: 'Send Message',
  description: 'Sends a message to a chat: as an agent (a reply, or a private note only agents see), or as the customer when no agent is chosen.',
  input: z.object({
    chatId: id({ title: 'Chat ID' }),
    text: longText({ title: 'Text' }),
    type: choice(
      ['message', 'private'],
      { title: 'Type', description: 'message: seen by the customer; private: an internal note (needs an agent).' },
      { default: 'message' },
    ),
    agentId: optionalId({ title: 'Agent', description: 'Who sends it. Leave empty to send as the customer.', dynamicOptions: true }),
    markdownText: optionalLongText({ title: 'Markdown text', description: 'Optional formatted version of the text.' }),
  }),
  sample: {
    id: 9577656,
    agent: { id: 4188, name: 'Sam' },
    type: 'message',
    text: 'Thanks, we are on it!',
    read: false,
    createdAt: '1601557390.769',
    chat: 5215261,
    from: 'agent',
  },
  outputFields: [
    { key: 'id', label: 'Message ID', type: 'integer' },
    { key: 'agent', label: 'Agent', type: 'object' },
    { key: 'agent.name', label: 'Agent name', type: 'string' },
    { key: 'type', label: 'Type', type: 'string' },
    { key: 'text', label: 'Text', type: 'string' },
    { key: 'read', label: 'Read', type: 'boolean' },
    { key: 'createdAt', label: 'Sent at (unix seconds)', type: 'string' },
    { key: 'chat', label: 'Chat ID', type: 'integer' },
    { key: 'from', label: 'From (agent or customer)', type: 'string' },
  ],
  options: { agentId: loadAgents },
  async perform(context) {
    const { chatId, text, type, agentId, markdownText } = context.input;
    if (type === 'private' && agentId === undefined) {
      throw new StepFailure('A private note is written by an agent: choose the agent.', { transient: false, code: 'INVALID_INPUT' });
    }
    try {
      return await helpcrunchCall(context, { method: 'POST', path: 'messages', body: compact({ chat: chatId, text, type, agent: agentId, markdownText }) });
    } catch (error) {
      if (error instanceof StepFailure && isUnknownChat(error)) throw notFound(`No HelpCrunch chat has the id ${String(chatId)}.`);
      throw error;
    }
  },
});
