// Twenty "Updated record (instant)": a webhook for {singular}.updated on the chosen object.
import { recordWebhookTrigger } from '../instant-trigger.ts';
import { objectInput } from '../objects.ts';

export const recordUpdated = recordWebhookTrigger({
  key: 'record_updated',
  name: 'Updated record (instant)',
  description: 'Starts the zap as soon as a record of the chosen object is changed in Twenty (through a Twenty webhook).',
  input: objectInput,
  label: 'record updated',
  events: () => ['updated'],
});
