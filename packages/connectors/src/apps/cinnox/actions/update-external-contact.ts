// Action "Update External Contact": sends only the filled-in fields of the contact form (see contacts.ts).
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { text } from '../../../kit/fields.ts';
import { CINNOX_PATHS, cinnoxCall } from '../client.ts';
import { contactBody, contactBodyUnverified, contactFields, contactIdOf, contactIdOutputFields, contactIdSample } from '../contacts.ts';

export const updateExternalContact = defineAction({
  key: 'update_external_contact',
  name: 'Update External Contact',
  description: 'Updates an external contact in CINNOX; only the fields filled in are sent.',
  unverified: contactBodyUnverified,
  input: z.object({
    ...contactFields,
    contactId: text({ title: 'Contact ID', description: 'The external contact’s id, e.g. from “Get External Contact by Full Name”.' }),
  }),
  sample: contactIdSample,
  outputFields: contactIdOutputFields,
  async perform(context) {
    const { contactId, ...fields } = context.input;
    const result = await cinnoxCall(context, {
      method: 'PUT',
      path: `${CINNOX_PATHS.updateExternalContact}/${encodeURIComponent(contactId)}`,
      body: contactBody(fields),
    });
    return { id: contactIdOf(result) || contactId };
  },
});
