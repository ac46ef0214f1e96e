// "Send e-mail": an e-mail from a Daktela e-mail queue, as an EMAIL activity (POST /activities.json), optionally on a ticket.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { longText, optionalTextId, text, textId } from '../../../kit/fields.ts';
import { createActivity, ticketField } from '../activities.ts';
import { additionalFieldsField } from '../additional-fields.ts';
import { queueOptions, userOptions } from '../options.ts';
import { activityOutputFields, activitySample, emailQueue } from '../samples.ts';

export const sendEmail = defineAction({
  key: 'send_email',
  name: 'Send e-mail',
  description: 'Sends an e-mail from a Daktela e-mail queue, on a ticket when you give one.',
  input: z.object({
    queue: textId({ title: 'E-mail queue', dynamicOptions: true }),
    address: text({ title: 'To', description: 'The recipient’s address.' }),
    subject: text({ title: 'Subject' }),
    // Above the kit's paragraph limit: an HTML e-mail with inline images and styles runs past 100 000 characters.
    text: longText({ title: 'Body', description: 'The message; HTML is allowed.' }, { max: 1_000_000 }),
    ticket: ticketField,
    user: optionalTextId({ title: 'Send as user', description: 'The user (login) the e-mail is sent as.', dynamicOptions: true }),
    extra: additionalFieldsField(),
  }),
  // Daktela reads the e-mail back as its activitiesEmail record in `item`: subject in `title`, recipient in `address`.
  sample: {
    ...activitySample,
    title: 'Your order',
    type: 'EMAIL',
    queue: emailQueue,
    action: 'CLOSE',
    item: {
      title: 'Your order',
      address: 'jane@acme.example',
      direction: 'out',
      answered: false,
      text: '<p>It has shipped.</p>',
      time: '2024-05-02 14:00:00',
      state: 'WAIT',
      _sys: { hash: null, model: 'activitiesEmail' },
    },
  },
  outputFields: [
    ...activityOutputFields,
    { key: 'item.address', label: 'To', type: 'string' },
    { key: 'item.title', label: 'Subject', type: 'string' },
    { key: 'item.text', label: 'Body', type: 'string' },
    { key: 'item.state', label: 'Sending state', type: 'string' },
  ],
  options: { queue: queueOptions('email'), user: userOptions },
  async perform(context) {
    const { input } = context;
    // The body Daktela's own connector builds (daktela-v6-php-connector, src/Request/Activities.php): sendMail makes
    // Daktela send it rather than only record it, and the activity is closed because a sent e-mail needs no more work.
    return createActivity(
      context,
      {
        type: 'EMAIL',
        queue: input.queue,
        to: input.address,
        subject: input.subject,
        message: input.text,
        sendMail: true,
        action: 'CLOSE',
        ticket: input.ticket,
        user: input.user,
      },
      input.extra,
    );
  },
});
