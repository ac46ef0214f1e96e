// Person actions: create, update (v2) and find a person by email or name (v2 search).
import { z } from 'zod';
import { StepFailure } from '../../http/errors.ts';
import { defineAction } from '../../kit/define.ts';
import { choice, compact, flag, id, optionalChoice, optionalFlag, optionalId, optionalText, text } from '../../kit/fields.ts';
import { pipedrive, pipedriveData } from './client.ts';
import { userChoices } from './options.ts';
import { customFieldsField, labelIdsField, ownerField, visibleToField } from './record-fields.ts';
import { personSample } from './records.ts';

const personFields = {
  email: optionalText({ title: 'Email', description: 'Becomes the primary (work) email. On update it replaces the person’s emails.' }, { max: 320 }),
  phone: optionalText({ title: 'Phone', description: 'Becomes the primary (work) phone. On update it replaces the person’s phones.' }, { max: 100 }),
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
  return compact({
    ...fields,
    emails: email === undefined ? undefined : [{ value: email, primary: true, label: 'work' }],
    phones: phone === undefined ? undefined : [{ value: phone, primary: true, label: 'work' }],
  });
}

export const createPerson = defineAction({
  key: 'create_person',
  name: 'Create Person',
  description: 'Creates a person (contact) in Pipedrive and returns it.',
  input: z.object({ name: text({ title: 'Name' }, { max: 255 }), ...personFields }),
  sample: personSample,
  options: { owner_id: userChoices },
  perform: (context) => pipedriveData(context, { method: 'POST', path: '/api/v2/persons', body: personBody(context.input) }),
});

export const updatePerson = defineAction({
  key: 'update_person',
  name: 'Update Person',
  description: 'Changes the given fields of a Pipedrive person and returns it; fields left empty keep their value.',
  input: z.object({ id: id({ title: 'Person id' }), name: optionalText({ title: 'Name' }, { max: 255 }), ...personFields }),
  sample: personSample,
  options: { owner_id: userChoices },
  perform: (context) => {
    const { id: personId, ...fields } = context.input;
    return pipedriveData(context, { method: 'PATCH', path: `/api/v2/persons/${personId}`, body: personBody(fields) });
  },
});

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
    field: choice(['email', 'name'], { title: 'Search by' }, { default: 'email' }),
    term: text({ title: 'Email or name', description: 'At least 2 characters, or 1 with an exact match.' }, { max: 255 }),
    exactMatch: optionalFlag({ title: 'Exact match', description: 'Only whole-value matches. Default: yes for email, no for name.' }),
    organizationId: optionalId({ title: 'Organization id', description: 'Only people of this organization.' }),
    failIfNotFound: flag({ title: 'Fail when nothing is found', description: 'Off: the step succeeds with found = false.' }, { default: false }),
  }),
  sample: { found: true, person: searchSample, results: [searchSample] },
  async perform(context) {
    const { input } = context;
    const exactMatch = input.exactMatch ?? input.field === 'email';
    const envelope = await pipedrive(
      context,
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
});
