// Pipedrive "Find Person": a person by email or name through the v2 search (GET /api/v2/persons/search).
import { z } from 'zod';
import { StepFailure } from '../../../http/errors.ts';
import { defineAction } from '../../../kit/define.ts';
import { choice, flag, optionalFlag, optionalId, text } from '../../../kit/fields.ts';
import { pipedrive } from '../client.ts';

const searchItem = z.looseObject({ id: z.number() });
const searchData = z.object({ items: z.array(z.looseObject({ result_score: z.number().optional(), item: searchItem })) });

/** A search item: lighter than the record (emails and phones are plain strings). */
const searchSample = {
  id: 7,
  type: 'person',
  name: 'Jane Doe',
  phones: ['+1 555 0100'],
  emails: ['jane@example.com'],
  visible_to: 3,
  owner: { id: 1 },
  organization: { id: 3, name: 'Acme Inc.' },
  custom_fields: [],
  notes: [],
};

export const findPerson = defineAction({
  key: 'find_person',
  name: 'Find Person',
  description: 'Looks a person up by email or name. Returns `found`, the best match as `person` (null when none) and every match in `results`.',
  input: z.object({
    field: choice(['email', 'name'], { title: 'Search by' }, { default: 'email' }),
    term: text({ title: 'Email or name', description: 'At least 2 characters, or 1 with an exact match.' }, { max: 255 }),
    exactMatch: optionalFlag({ title: 'Exact match', description: 'Only whole-value matches. Default: yes for email, no for name.' }),
    organizationId: optionalId({ title: 'Organization id', description: 'Only people of this organization.' }),
    failIfNotFound: flag({ title: 'Fail when nothing is found', description: 'Off: the step succeeds with found = false.' }, { default: false }),
  }),
  sample: { found: true, person: searchSample, results: [searchSample] },
  outputFields: [
    { key: 'found', label: 'Found', type: 'boolean' },
    { key: 'person', label: 'Person (best match)', type: 'object' },
    { key: 'person.id', label: 'Person ID', type: 'integer' },
    { key: 'person.name', label: 'Name', type: 'string' },
    { key: 'person.emails[0]', label: 'Email', type: 'string' },
    { key: 'person.phones[0]', label: 'Phone', type: 'string' },
    { key: 'person.organization.name', label: 'Organization name', type: 'string' },
    { key: 'results', label: 'All matches', type: 'array' },
  ],
  async perform(context) {
    const { input } = context;
    const exactMatch = input.exactMatch ?? input.field === 'email';
    const envelope = await pipedrive(context, {
      path: '/api/v2/persons/search',
      query: { term: input.term, fields: input.field, exact_match: exactMatch, organization_id: input.organizationId, limit: 10 },
    });
    const parsed = searchData.safeParse(envelope.data ?? { items: [] });
    if (!parsed.success) throw new StepFailure('Pipedrive answered the person search without a list of items', { transient: false, code: 'INVALID_RESPONSE' });
    const results = parsed.data.items.map((entry) => entry.item);
    if (results.length === 0 && input.failIfNotFound) {
      throw new StepFailure(`No Pipedrive person has the ${input.field} "${input.term}"`, { transient: false, code: 'NOT_FOUND' });
    }
    return { found: results.length > 0, person: results[0] ?? null, results };
  },
});
