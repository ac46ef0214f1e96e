// Pipedrive "Create Note": POST /v1/notes on a deal, person, organization or lead (notes have no v2 endpoint).
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { longText, optionalFlag, optionalId, optionalText } from '../../../kit/fields.ts';
import { pipedriveData, writeBody } from '../client.ts';

const noteSample = {
  id: 5,
  content: '<p>Called Jane: renewal agreed.</p>',
  deal_id: 42,
  person_id: null,
  org_id: null,
  lead_id: null,
  user_id: 1,
  add_time: '2025-01-16 14:10:00',
  update_time: '2025-01-16 14:10:00',
  active_flag: true,
  pinned_to_deal_flag: false,
  pinned_to_person_flag: false,
  pinned_to_organization_flag: false,
};

const noteInput = z
  .object({
    content: longText({ title: 'Content', description: 'HTML allowed.' }),
    deal_id: optionalId({ title: 'Deal id' }),
    person_id: optionalId({ title: 'Person id' }),
    org_id: optionalId({ title: 'Organization id' }),
    lead_id: optionalText({ title: 'Lead id', description: 'The lead’s UUID.' }, { max: 64 }),
    pinned: optionalFlag({ title: 'Pin the note', description: 'Pins it on every record it is attached to.' }),
  })
  .refine((input) => input.deal_id ?? input.person_id ?? input.org_id ?? input.lead_id, {
    message: 'Attach the note to a deal, a person, an organization or a lead',
    path: ['deal_id'],
  });

/** The v1 note body: the content, the records it is attached to, and `pinned` as their 0/1 flags (v1 takes no booleans). */
export function noteBody({ pinned, ...note }: z.output<typeof noteInput>) {
  const pin = (attached: unknown): 0 | 1 | undefined => (pinned === undefined || attached === undefined ? undefined : pinned ? 1 : 0);
  return writeBody({
    ...note,
    pinned_to_deal_flag: pin(note.deal_id),
    pinned_to_person_flag: pin(note.person_id),
    pinned_to_organization_flag: pin(note.org_id),
    pinned_to_lead_flag: pin(note.lead_id),
  });
}

export const createNote = defineAction({
  key: 'create_note',
  name: 'Create Note',
  description: 'Adds a note to a deal, person, organization or lead in Pipedrive and returns it.',
  input: noteInput,
  sample: noteSample,
  outputFields: [
    { key: 'id', label: 'Note ID', type: 'integer' },
    { key: 'content', label: 'Content', type: 'string' },
    { key: 'deal_id', label: 'Deal ID', type: 'integer' },
    { key: 'person_id', label: 'Person ID', type: 'integer' },
    { key: 'org_id', label: 'Organization ID', type: 'integer' },
    { key: 'lead_id', label: 'Lead ID', type: 'string' },
    { key: 'user_id', label: 'Author user ID', type: 'integer' },
    { key: 'add_time', label: 'Note created', type: 'datetime' },
    { key: 'update_time', label: 'Update time', type: 'datetime' },
    { key: 'active_flag', label: 'Active', type: 'boolean' },
    { key: 'pinned_to_deal_flag', label: 'Pinned to the deal', type: 'boolean' },
    { key: 'pinned_to_person_flag', label: 'Pinned to the person', type: 'boolean' },
    { key: 'pinned_to_organization_flag', label: 'Pinned to the organization', type: 'boolean' },
  ],
  perform: (context) => pipedriveData(context, { method: 'POST', path: '/v1/notes', body: noteBody(context.input) }),
});
