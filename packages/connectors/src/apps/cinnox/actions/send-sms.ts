// Action "Send SMS": one text to one or more recipients from a CINNOX number (⚠ INFERRED path and body, see client.ts).
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { list, longText, text } from '../../../kit/fields.ts';
import { CINNOX_PATHS, cinnoxCall } from '../client.ts';

const phone = /^\+\d{6,15}$/;

/** Numbers pasted from a sheet come one per line or separated by semicolons: read those as commas, a list as its items. */
function recipientsAsText(value: unknown): unknown {
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' ? value.replace(/[;\n]/g, ',') : value;
}

export const sendSms = defineAction({
  key: 'send_sms',
  name: 'Send SMS',
  description:
    'Sends one SMS text to one or more recipients. Its delivery status arrives through the “SMS Delivery Status” trigger. An SMS over 160 characters (70 for non-English text) is split into several.',
  unverified:
    'CINNOX documents “Post SMS” by name only: the path send_sms and the body {senderNumber, recipientNumbers[], text} are guessed from the sibling send_otp, which takes one recipientNumber.',
  input: z.object({
    senderNumber: text({ title: 'Sender number', description: 'A number or sender ID of the service (see “Get Number List”).' }),
    recipientNumbers: z.preprocess(
      recipientsAsText,
      list(
        { title: 'Recipient numbers', description: 'One or more numbers in international format, separated by commas.' },
        z.string().trim().regex(phone, 'use the international format, e.g. +85291234567'),
      ),
    ),
    text: longText({ title: 'Text' }),
  }),
  sample: { serviceID: 'svc_1a2b3c', status: 'Submitted', transactionID: 'b1f0e7a2-5c3d-4e8f-9a6b-0c1d2e3f4a5b' },
  outputFields: [
    { key: 'serviceID', label: 'Service ID', type: 'string' },
    { key: 'status', label: 'Status', type: 'string' },
    { key: 'transactionID', label: 'Transaction ID', type: 'string' },
  ],
  async perform(context) {
    const { senderNumber, recipientNumbers, text: message } = context.input;
    return cinnoxCall(context, { method: 'POST', path: CINNOX_PATHS.sendSms, body: { senderNumber, recipientNumbers, text: message } });
  },
});
