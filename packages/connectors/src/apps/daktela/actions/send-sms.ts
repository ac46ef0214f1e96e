// "Send SMS": a text message from a Daktela SMS queue, as an SMS activity (POST /activities.json).
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { longText, optionalTextId, text, textId } from '../../../kit/fields.ts';
import { createActivity } from '../activities.ts';
import { additionalFieldsField } from '../additional-fields.ts';
import { queueOptions, userOptions } from '../options.ts';
import { activityOutputFields, activitySample } from '../samples.ts';

/**
 * ⚠ INFERRED (API-NOTES 1.6): Daktela documents that SMS go out through the activities API, not the field names.
 * These are the names the read models use; if an instance wants others, send them through "Additional fields" (or
 * change them here: the fake in packages/testing mirrors them).
 */
export const SMS_ACTIVITY = { type: 'SMS', numberField: 'number', textField: 'text' } as const;

export const sendSms = defineAction({
  key: 'send_sms',
  name: 'Send SMS',
  description: 'Sends a text message from a Daktela SMS queue.',
  input: z.object({
    queue: textId({ title: 'SMS queue', dynamicOptions: true }),
    number: text({ title: 'Phone number', description: 'The recipient, e.g. +420777123456.' }, { max: 100 }),
    text: longText({ title: 'Message' }),
    user: optionalTextId({ title: 'Send as user', description: 'The user (login) the message is sent as.', dynamicOptions: true }),
    extra: additionalFieldsField(),
  }),
  sample: { ...activitySample, type: SMS_ACTIVITY.type, item: { number: '+420777123456', text: 'Your order has shipped.' } },
  outputFields: [
    ...activityOutputFields,
    { key: 'item.number', label: 'Phone number', type: 'string' },
    { key: 'item.text', label: 'Message', type: 'string' },
  ],
  options: { queue: queueOptions('sms'), user: userOptions },
  async perform(context) {
    const { input } = context;
    return createActivity(
      context,
      { type: SMS_ACTIVITY.type, queue: input.queue, [SMS_ACTIVITY.numberField]: input.number, [SMS_ACTIVITY.textField]: input.text, user: input.user },
      input.extra,
    );
  },
});
