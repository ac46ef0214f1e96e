// Action "Get External Contact by Full Name": pages through the external contact list to the exact full name.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { text } from '../../../kit/fields.ts';
import { CINNOX_PATHS, findInList, notFound } from '../client.ts';

function normalName(value: unknown): string {
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toLowerCase() : '';
}

export const getExternalContactByFullName = defineAction({
  key: 'get_external_contact_by_full_name',
  name: 'Get External Contact by Full Name',
  description: 'Finds the external contact whose full name (first and last name) is exactly this, ignoring case. Fails when there is none.',
  unverified:
    'The external contact list documents no name filter: fullName is borrowed from the staff list, so the name is matched here, page by page, over the first 500 contacts.',
  input: z.object({ fullName: text({ title: 'Full name', description: 'First and last name, e.g. Chan Tai Man.' }) }),
  sample: {
    id: '6650b7d1e4b0f5a1b2c3d4f6',
    firstName: 'Chan',
    lastName: 'Tai Man',
    mobilePhone: '+85291234567',
    workPhone: '',
    email: 'taiman.chan@example.com',
    companyName: 'Example Ltd',
    jobTitle: 'Buyer',
    customerType: 'Customer',
    group: 'VIP',
    level: 'Primary',
    ownerId: 'staff_8f2a',
    ownerName: 'Amy Wong',
    slaveContacts: [],
  },
  outputFields: [
    { key: 'id', label: 'Contact ID', type: 'string' },
    { key: 'firstName', label: 'First name', type: 'string' },
    { key: 'lastName', label: 'Last name', type: 'string' },
    { key: 'mobilePhone', label: 'Mobile phone', type: 'string' },
    { key: 'workPhone', label: 'Work phone', type: 'string' },
    { key: 'email', label: 'Email address', type: 'string' },
    { key: 'companyName', label: 'Company', type: 'string' },
    { key: 'jobTitle', label: 'Job title', type: 'string' },
    { key: 'customerType', label: 'Type', type: 'string' },
    { key: 'group', label: 'Group', type: 'string' },
    { key: 'level', label: 'Level', type: 'string' },
    { key: 'ownerId', label: 'Owner ID', type: 'string' },
    { key: 'ownerName', label: 'Owner', type: 'string' },
    { key: 'slaveContacts', label: 'Merged contacts', type: 'array' },
  ],
  async perform(context) {
    const { fullName } = context.input;
    const wanted = normalName(fullName);
    const { found } = await findInList(context, {
      path: CINNOX_PATHS.externalContactList,
      // ⚠ INFERRED: `fullName` is documented for the staff list; the match is also checked here.
      query: { fullName: fullName.replace(/\s+/g, ' ') },
      pageSize: 100,
      maxPages: 5,
      match: (contact) =>
        normalName(contact.fullName) === wanted || normalName(`${String(contact.firstName ?? '')} ${String(contact.lastName ?? '')}`) === wanted,
    });
    if (!found) throw notFound(`CINNOX has no external contact named “${fullName}”.`);
    return found;
  },
});
