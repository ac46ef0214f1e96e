// "Send e-mail": an e-mail from a Daktela e-mail queue, as an EMAIL activity (POST /activities.json).
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { longText, optionalTextId, text, textId } from '../../../kit/fields.ts';
import { createActivity } from '../activities.ts';
import { additionalFieldsField } from '../additional-fields.ts';
import { queueOptions, userOptions } from '../options.ts';
import { activityOutputFields, activitySample } from '../samples.ts';

/**
 * ⚠ INFERRED (API-NOTES 1.6): Daktela documents that e-mail goes out through the activities API, not the field
 * names. These are the names the read models use; if an instance wants others, send them through "Additional
 * fields" (or change them here: the fake in packages/testing mirrors them).
 */
export const EMAIL_ACTIVITY = { type: 'EMAIL', addressField: 'address', subjectField: 'title', textField: 'text' } as const;

export const sendEmail = defineAction({
  key: 'send_email',
  name: 'Send e-mail',
  description: 'Sends an e-mail from a Daktela e-mail queue.',
  input: z.object({
    queue: textId({ title: 'E-mail queue', dynamicOptions: true }),
    address: text({ title: 'To', description: 'The recipient’s address.' }),
    subject: text({ title: 'Subject' }),
    // Above the kit's paragraph limit: an HTML e-mail with inline images and styles runs past 100 000 characters.
    text: longText({ title: 'Body', description: 'The message; HTML is allowed.' }, { max: 1_000_000 }),
    user: optionalTextId({ title: 'Send as user', description: 'The user (login) the e-mail is sent as.', dynamicOptions: true }),
    extra: additionalFieldsField(),
  }),
  sample: { ...activitySample, type: EMAIL_ACTIVITY.type, item: { address: 'jane@acme.example', title: 'Your order', text: 'It has shipped.' } },
  outputFields: [
    ...activityOutputFields,
    { key: 'item.address', label: 'To', type: 'string' },
    { key: 'item.title', label: 'Subject', type: 'string' },
    { key: 'item.text', label: 'Body', type: 'string' },
  ],
  options: { queue: queueOptions('email'), user: userOptions },
  async perform(context) {
    const { input } = context;
    return createActivity(
      context,
      {
        type: EMAIL_ACTIVITY.type,
        queue: input.queue,
        [EMAIL_ACTIVITY.addressField]: input.address,
        [EMAIL_ACTIVITY.subjectField]: input.subject,
        [EMAIL_ACTIVITY.textField]: input.text,
        user: input.user,
      },
      input.extra,
    );
  },
});
