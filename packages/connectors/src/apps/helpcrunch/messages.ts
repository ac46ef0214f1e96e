// "Send Message": a reply (or a private note) from an agent, or a message as the customer, in a chat.
import { z } from 'zod';
import { StepFailure } from '../../http/errors.ts';
import { defineAction } from '../../kit/define.ts';
import { helpcrunchCall, notFound, pageOf } from './client.ts';

export const sendMessage = defineAction({
  key: 'send_message',
  name: 'Send Message',
  description: 'Sends a message to a chat: as an agent (a reply, or a private note only agents see), or as the customer when no agent is chosen.',
  input: z.object({
    chatId: z.union([z.number().int().positive(), z.string().trim().regex(/^\d+$/, 'a chat id is a number')]).meta({ title: 'Chat ID' }),
    text: z.string().min(1).max(10_000).meta({ title: 'Text' }),
    type: z.enum(['message', 'private']).default('message').meta({ title: 'Type', description: 'message: seen by the customer; private: an internal note (needs an agent).' }),
    agentId: z
      .union([z.number().int().positive(), z.string().trim().regex(/^\d*$/, 'an agent id is a number')])
      .optional()
      .meta({ title: 'Agent', description: 'Who sends it. Leave empty to send as the customer.', dynamicOptions: true }),
    markdownText: z.string().max(10_000).optional().meta({ title: 'Markdown text', description: 'Optional formatted version of the text.' }),
  }),
  sample: { id: 9577656, agent: { id: 4188, name: 'Sam' }, type: 'message', text: 'Thanks, we are on it!', read: false, createdAt: '1601557390.769', chat: 5215261, from: 'agent' },
  options: {
    agentId: async ({ auth, http }) =>
      pageOf(await helpcrunchCall(http, auth, { path: 'agents' })).items.map((agent) => ({
        value: Number(agent.id),
        label: `${String(agent.name ?? agent.email ?? agent.id)}${agent.email ? ` <${String(agent.email)}>` : ''}`,
      })),
  },
  async perform({ input, auth, http }) {
    const agent = input.agentId === undefined || input.agentId === '' ? undefined : Number(input.agentId);
    if (input.type === 'private' && agent === undefined) {
      throw new StepFailure('A private note is written by an agent: choose the agent.', { transient: false, code: 'INVALID_INPUT' });
    }
    const body: Record<string, unknown> = { chat: Number(input.chatId), text: input.text, type: input.type };
    if (agent !== undefined) body.agent = agent;
    if (input.markdownText) body.markdownText = input.markdownText;
    try {
      return await helpcrunchCall(http, auth, { method: 'POST', path: 'messages', body });
    } catch (error) {
      if (error instanceof StepFailure && error.status === 404 && /chat/i.test(error.message)) throw notFound(`No HelpCrunch chat has the id ${String(input.chatId)}.`);
      throw error;
    }
  },
});
