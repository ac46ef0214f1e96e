// What Twenty's operations return, for builders to offer fields before any run: a sample person and its labelled fields.
import type { OutputField } from '../../kit/define.ts';
import type { TwentyRecord } from './client.ts';

/** A person as Twenty returns it; records of other objects have their own fields beside id and the timestamps. */
export const samplePerson: TwentyRecord = {
  id: '20202020-1c0e-494c-a1b6-85b1c6fefaa5',
  name: { firstName: 'Ada', lastName: 'Lovelace' },
  emails: { primaryEmail: 'ada@example.com', additionalEmails: null },
  phones: { primaryPhoneNumber: '7700900123', primaryPhoneCountryCode: 'GB', primaryPhoneCallingCode: '+44', additionalPhones: null },
  linkedinLink: { primaryLinkUrl: '', primaryLinkLabel: '', secondaryLinks: null },
  xLink: { primaryLinkUrl: '', primaryLinkLabel: '', secondaryLinks: null },
  jobTitle: 'CTO',
  city: 'London',
  avatarUrl: '',
  position: 1,
  companyId: '20202020-3ec3-4fe3-8997-b76aa0bfa408',
  createdAt: '2025-01-01T09:00:00.000Z',
  updatedAt: '2025-01-02T10:30:00.000Z',
  deletedAt: null,
  createdBy: { source: 'API', workspaceMemberId: null, name: 'Switchyard' },
};

/** The sample person's fields as Twenty's UI labels them. */
export const personOutputFields: readonly OutputField[] = [
  { key: 'id', label: 'Record ID', type: 'string' },
  { key: 'name', label: 'Name', type: 'object' },
  { key: 'name.firstName', label: 'First name', type: 'string' },
  { key: 'name.lastName', label: 'Last name', type: 'string' },
  { key: 'emails', label: 'Emails', type: 'object' },
  { key: 'emails.primaryEmail', label: 'Primary email', type: 'string' },
  { key: 'phones', label: 'Phones', type: 'object' },
  { key: 'phones.primaryPhoneNumber', label: 'Primary phone number', type: 'string' },
  { key: 'phones.primaryPhoneCallingCode', label: 'Primary phone calling code', type: 'string' },
  { key: 'phones.primaryPhoneCountryCode', label: 'Primary phone country', type: 'string' },
  { key: 'linkedinLink', label: 'Linkedin', type: 'object' },
  { key: 'linkedinLink.primaryLinkUrl', label: 'Linkedin URL', type: 'string' },
  { key: 'xLink', label: 'X', type: 'object' },
  { key: 'xLink.primaryLinkUrl', label: 'X URL', type: 'string' },
  { key: 'jobTitle', label: 'Job Title', type: 'string' },
  { key: 'city', label: 'City', type: 'string' },
  { key: 'avatarUrl', label: 'Avatar', type: 'string' },
  { key: 'position', label: 'Position', type: 'number' },
  { key: 'companyId', label: 'Company ID', type: 'string' },
  { key: 'createdAt', label: 'Creation date', type: 'datetime' },
  { key: 'updatedAt', label: 'Last update', type: 'datetime' },
  { key: 'deletedAt', label: 'Deleted at', type: 'datetime' },
  { key: 'createdBy', label: 'Created by', type: 'object' },
  { key: 'createdBy.name', label: 'Created by (name)', type: 'string' },
];

/** The delete action's sample: Twenty answers the record as it was, of which only the id is sure for any object. */
export const sampleDeletedRecord: TwentyRecord = { id: '20202020-1c0e-494c-a1b6-85b1c6fefaa5' };

export const deletedRecordOutputFields: readonly OutputField[] = [{ key: 'id', label: 'Record ID', type: 'string' }];
