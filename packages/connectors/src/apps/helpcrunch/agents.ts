// The agent dropdown: HelpCrunch's agents, for choosing who sends a message.
import type { OptionsLoader } from '../../kit/define.ts';
import { helpcrunchCall, pageOf } from './client.ts';

export const loadAgents: OptionsLoader = async (context) =>
  pageOf(await helpcrunchCall(context, { path: 'agents' })).items.map((agent) => ({
    value: Number(agent.id),
    label: `${String(agent.name ?? agent.email ?? agent.id)}${agent.email ? ` <${String(agent.email)}>` : ''}`,
  }));
