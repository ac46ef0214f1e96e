// Person actions: create, update (v2) and find a person by email or name (v2 search).
import { z } from 'zod';
import { StepFailure } from '../../http/errors.ts';
import { defineAction, type ActionDefinition } from '../../kit/define.ts';
import { pipedrive, pipedriveData } from './client.ts';
import { customFieldsField, idField, labelIdsField, optionalChoice, optionalFlag, optionalId, optionalText, ownerField, visibleToField } from './fields.ts';
import { userChoices } from './options.ts';
import { definedFields, personSample } from './records.ts';

const personFields = {
  email: optionalText({ title: 'Email', description: 'Becomes the primary (work) email. On update it replaces the person’s emails.' }, 320),
  phone: optionalText({ title: 'Phone', description: 'Becomes the primary (work) phone. On update it replaces the person’s phones.' }, 100),
  org_id: optionalId({ title: 'Organization id' }),
  owner_id: ownerField(),
  visible_to: visibleToField(),
  label_ids: labelIdsField(),
  marketing_status: optionalChoice(['no_consent', 'unsubscribed', 'subscribed', 'archived'], { title: 'Marketing status' }),
  custom_fields: customFieldsField(),
};

type PersonFields = { email?: string | undefined; phone?: string | undefined } & Record<string, unknown>;

/** v2 takes emails and phones as lists of `{value, primary, label}`. */
function personBody({ email, phone, ...fields }: PersonFields): Record<string, unknown> {
  return definedFields({
    ...fields,
    emails: email === undefined ? undefined : [{ value: email, primary: true, label: 'work' }],
    phones: phone === undefined ? undefined : [{ value: phone, primary: true, label: 'work' }],
  });
}

export const createPerson = defineAction({
  key: 'create_person',
  name: 'Create Person',
  description: 'Creates a person (contact) in Pipedrive and returns it.',
  input: z.object({ name: z.string().trim().min(1).max(255).meta({ title: 'Name' }), ...personFields }),
  sample: personSample,
  options: { owner_id: userChoices },
  perform: ({ input, auth, http }) =>
    pipedriveData({ auth, http }, { method: 'POST', path: '/api/v2/persons', body: personBody(input) }),
}) as ActionDefinition;

export const updatePerson = defineAction({
  key: 'update_person',
  name: 'Update Person',
  description: 'Changes the given fields of a Pipedrive person and returns it; fields left empty keep their value.',
  input: z.object({ id: idField({ title: 'Person id' }), name: optionalText({ title: 'Name' }, 255), ...personFields }),
  sample: personSample,
  options: { owner_id: userChoices },
  perform: ({ input: { id, ...fields }, auth, http }) =>
    pipedriveData({ auth, http }, { method: 'PATCH', path: `/api/v2/persons/${id}`, body: personBody(fields) }),
}) as ActionDefinition;

const searchItem = z.looseObject({ id: z.number() });
const searchData = z.object({ items: z.array(z.looseObject({ result_score: z.number().optional(), item: searchItem })) });

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
    field: z.enum(['email', 'name']).default('email').meta({ title: 'Search by' }),
    term: z.string().trim().min(1).max(255).meta({ title: 'Email or name', description: 'At least 2 characters, or 1 with an exact match.' }),
    exactMatch: optionalFlag({ title: 'Exact match', description: 'Only whole-value matches. Default: yes for email, no for name.' }),
    organizationId: optionalId({ title: 'Organization id', description: 'Only people of this organization.' }),
    failIfNotFound: z.boolean().default(false).meta({ title: 'Fail when nothing is found', description: 'Off: the step succeeds with found = false.' }),
  }),
  sample: { found: true, person: searchSample, results: [searchSample] },
  async perform({ input, auth, http }) {
    const exactMatch = input.exactMatch ?? input.field === 'email';
    const envelope = await pipedrive(
      { auth, http },
      {
        path: '/api/v2/persons/search',
        query: { term: input.term, fields: input.field, exact_match: exactMatch, organization_id: input.organizationId, limit: 10 },
      },
    );
    const parsed = searchData.safeParse(envelope.data ?? { items: [] });
    if (!parsed.success) throw new StepFailure('Pipedrive answered the person search without a list of items', { transient: false, code: 'INVALID_RESPONSE' });
    const results = parsed.data.items.map((entry) => entry.item);
    if (results.length === 0 && input.failIfNotFound) {
      throw new StepFailure(`No Pipedrive person has the ${input.field} "${input.term}"`, { transient: false, code: 'NOT_FOUND' });
    }
    return { found: results.length > 0, person: results[0] ?? null, results };
  },
}) as ActionDefinition;
