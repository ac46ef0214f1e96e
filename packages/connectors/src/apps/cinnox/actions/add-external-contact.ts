// Action "Add External Contact": creates an external contact from the contact form (see contacts.ts).
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { text } from '../../../kit/fields.ts';
import { CINNOX_PATHS, cinnoxCall } from '../client.ts';
import { contactBody, contactBodyUnverified, contactFields, contactIdOf, contactIdOutputFields, contactIdSample } from '../contacts.ts';

export const addExternalContact = defineAction({
  key: 'add_external_contact',
  name: 'Add External Contact',
  description: 'Creates an external contact in CINNOX. Custom fields are not supported by CINNOX’s API.',
  unverified: contactBodyUnverified,
  input: z.object({ ...contactFields, firstName: text({ title: 'First name' }) }),
  sample: contactIdSample,
  outputFields: contactIdOutputFields,
  async perform(context) {
    const result = await cinnoxCall(context, { method: 'POST', path: CINNOX_PATHS.createExternalContact, body: contactBody(context.input) });
    return { id: contactIdOf(result) };
  },
});
