// "Send SMS": one text to one or more recipients from a CINNOX number (⚠ INFERRED path and body, see client.ts).
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { CINNOX_PATHS, cinnoxCall } from './client.ts';

const phone = /^\+\d{6,15}$/;

export const sendSms = defineAction({
  key: 'send_sms',
  name: 'Send SMS',
  description:
    'Sends one SMS text to one or more recipients. Its delivery status arrives through the “SMS Delivery Status” trigger. An SMS over 160 characters (70 for non-English text) is split into several.',
  input: z.object({
    senderNumber: z.string().trim().min(1).meta({ title: 'Sender number', description: 'A number or sender ID of the service (see “Get Number List”).' }),
    recipientNumbers: z
      .union([z.string(), z.array(z.string())])
      .transform((value) => (Array.isArray(value) ? value : value.split(/[,;\n]/)).map((n) => n.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(phone, 'use the international format, e.g. +85291234567')).min(1).max(1000))
      .meta({ title: 'Recipient numbers', description: 'One or more numbers in international format, separated by commas.' }),
    text: z.string().min(1).max(1600).meta({ title: 'Text' }),
  }),
  sample: { serviceID: 'svc_1a2b3c', status: 'Submitted', transactionID: 'b1f0e7a2-5c3d-4e8f-9a6b-0c1d2e3f4a5b' },
  async perform({ input, auth, http }) {
    return cinnoxCall(http, auth, {
      method: 'POST',
      path: CINNOX_PATHS.sendSms,
      body: { senderNumber: input.senderNumber, recipientNumbers: input.recipientNumbers, text: input.text },
    });
  },
});
