// Input fields the Twenty actions share (a record's fields as JSON, a record id) and the sample record outputs show.
import { z } from 'zod';

function asFieldsObject(value: string | Record<string, unknown>, context: z.RefinementCtx): Record<string, unknown> {
  if (typeof value !== 'string') return value;
  try {
    const parsed = JSON.parse(value) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    context.addIssue({ code: 'custom', message: 'Must be a JSON object of fields, e.g. {"jobTitle": "CTO"}' });
  } catch (error) {
    context.addIssue({ code: 'custom', message: `Not valid JSON (${(error as Error).message})` });
  }
  return z.NEVER;
}

/** A record's fields as a JSON object (or JSON text); composite fields are objects: name {firstName,lastName}, emails {primaryEmail}. */
export const recordFieldsField = z
  .union([z.record(z.string(), z.unknown()), z.string()])
  .transform(asFieldsObject)
  .meta({
    title: 'Fields (JSON)',
    description:
      'The record’s fields as JSON. Composite fields are objects, e.g. {"name": {"firstName": "Ada", "lastName": "Lovelace"}, "emails": {"primaryEmail": "ada@example.com"}, "jobTitle": "CTO"}.',
  });

export const recordIdField = z.string().trim().min(1).meta({ title: 'Record ID', description: 'The record’s id (a UUID).' });

/** A person as Twenty returns it, for builders to offer fields before any run. */
export const samplePerson = {
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
