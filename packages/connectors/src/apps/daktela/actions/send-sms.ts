// "Send SMS": a text message from a Daktela SMS queue, as an SMS activity (POST /activities.json), optionally on a ticket.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { longText, optionalTextId, text, textId } from '../../../kit/fields.ts';
import { createActivity, ticketField } from '../activities.ts';
import { additionalFieldsField } from '../additional-fields.ts';
import { queueOptions, userOptions } from '../options.ts';
import { activityOutputFields, activitySample, smsQueue } from '../samples.ts';

export const sendSms = defineAction({
  key: 'send_sms',
  name: 'Send SMS',
  description: 'Sends a text message from a Daktela SMS queue, on a ticket when you give one.',
  input: z.object({
    queue: textId({ title: 'SMS queue', dynamicOptions: true }),
    number: text({ title: 'Phone number', description: 'The recipient, e.g. +420777123456.' }, { max: 100 }),
    text: longText({ title: 'Message' }),
    ticket: ticketField,
    user: optionalTextId({ title: 'Send as user', description: 'The user (login) the message is sent as.', dynamicOptions: true }),
    extra: additionalFieldsField(),
  }),
  // Daktela reads an SMS back as its activitiesSms record in `item`: the conversation with `sender`, not the text.
  sample: {
    ...activitySample,
    type: 'SMS',
    queue: smsQueue,
    item: { sender: '+420777123456', direction: 'OUT', answered: false, time: '2024-05-02 14:00:00', _sys: { hash: null, model: 'activitiesSms' } },
  },
  outputFields: [...activityOutputFields, { key: 'item.sender', label: 'Phone number', type: 'string' }],
  options: { queue: queueOptions('sms'), user: userOptions },
  async perform(context) {
    const { input } = context;
    // The body Daktela's own connector builds (daktela-v6-php-connector, src/Request/Activities.php).
    return createActivity(
      context,
      { type: 'SMS', queue: input.queue, number: input.number, text: input.text, ticket: input.ticket, user: input.user },
      input.extra,
    );
  },
});
