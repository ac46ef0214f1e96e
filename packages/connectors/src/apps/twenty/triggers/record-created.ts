// Twenty "New record (instant)": a webhook for {singular}.created on the chosen object.
import { recordWebhookTrigger } from '../instant-trigger.ts';
import { objectInput } from '../objects.ts';

export const recordCreated = recordWebhookTrigger({
  key: 'record_created',
  name: 'New record (instant)',
  description: 'Starts the zap as soon as a record of the chosen object is created in Twenty (through a Twenty webhook).',
  input: objectInput,
  label: 'record created',
  events: () => ['created'],
});
