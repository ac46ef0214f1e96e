// The four Pipedrive record kinds the triggers watch and the actions return: v2 paths, sample records, labelled output fields.
import type { OutputField } from '../../kit/define.ts';

export type RecordKind = 'deal' | 'person' | 'organization' | 'activity';

export interface RecordType {
  kind: RecordKind;
  /** Lower-case, for descriptions. */
  label: string;
  /** Capitalised, for names. */
  title: string;
  /** The v2 collection path, e.g. /api/v2/deals. */
  path: string;
  /** A v2 record as the list and write endpoints return it. */
  sample: Record<string, unknown> & { id: number; add_time: string; update_time: string };
  /** The sample's fields, labelled as Pipedrive's own screens name them. */
  outputFields: readonly OutputField[];
}

/** What every v2 record has; `noun` names its id and creation time ("Deal ID", "Deal created"). */
function recordOutputFields(noun: string): OutputField[] {
  return [
    { key: 'id', label: `${noun} ID`, type: 'integer' },
    { key: 'owner_id', label: 'Owner ID', type: 'integer' },
    { key: 'add_time', label: `${noun} created`, type: 'datetime' },
    { key: 'update_time', label: 'Update time', type: 'datetime' },
    { key: 'is_deleted', label: 'Deleted', type: 'boolean' },
  ];
}

/** What deals, persons and organizations add: visibility, labels and custom fields (activities have none of them). */
const customisableOutputFields: OutputField[] = [
  { key: 'visible_to', label: 'Visible to', type: 'integer' },
  { key: 'label_ids', label: 'Label IDs', type: 'array' },
  { key: 'custom_fields', label: 'Custom fields', type: 'object' },
];

export const dealSample = {
  id: 42,
  title: 'Acme renewal',
  owner_id: 1,
  person_id: 7,
  org_id: 3,
  pipeline_id: 1,
  stage_id: 2,
  value: 5000,
  currency: 'USD',
  add_time: '2025-01-15T09:30:00Z',
  update_time: '2025-01-16T14:05:00Z',
  stage_change_time: '2025-01-16T14:05:00Z',
  is_deleted: false,
  is_archived: false,
  status: 'open',
  probability: null,
  lost_reason: null,
  visible_to: 3,
  close_time: null,
  won_time: null,
  lost_time: null,
  expected_close_date: '2025-03-31',
  label_ids: [],
  origin: 'API',
  custom_fields: {},
};

export const dealOutputFields: readonly OutputField[] = [
  ...recordOutputFields('Deal'),
  { key: 'title', label: 'Title', type: 'string' },
  { key: 'value', label: 'Value', type: 'number' },
  { key: 'currency', label: 'Currency', type: 'string' },
  { key: 'status', label: 'Status', type: 'string' },
  { key: 'person_id', label: 'Contact person ID', type: 'integer' },
  { key: 'org_id', label: 'Organization ID', type: 'integer' },
  { key: 'pipeline_id', label: 'Pipeline ID', type: 'integer' },
  { key: 'stage_id', label: 'Stage ID', type: 'integer' },
  { key: 'stage_change_time', label: 'Last stage change', type: 'datetime' },
  { key: 'probability', label: 'Probability', type: 'number' },
  { key: 'expected_close_date', label: 'Expected close date', type: 'string' },
  { key: 'close_time', label: 'Deal closed on', type: 'datetime' },
  { key: 'won_time', label: 'Won time', type: 'datetime' },
  { key: 'lost_time', label: 'Lost time', type: 'datetime' },
  { key: 'lost_reason', label: 'Lost reason', type: 'string' },
  { key: 'is_archived', label: 'Archived', type: 'boolean' },
  { key: 'origin', label: 'Source origin', type: 'string' },
  ...customisableOutputFields,
];

export const personSample = {
  id: 7,
  name: 'Jane Doe',
  first_name: 'Jane',
  last_name: 'Doe',
  owner_id: 1,
  org_id: 3,
  emails: [{ value: 'jane@example.com', primary: true, label: 'work' }],
  phones: [{ value: '+1 555 0100', primary: true, label: 'work' }],
  add_time: '2025-01-15T09:00:00Z',
  update_time: '2025-01-15T09:00:00Z',
  is_deleted: false,
  visible_to: 3,
  label_ids: [],
  picture_id: null,
  custom_fields: {},
};

export const personOutputFields: readonly OutputField[] = [
  ...recordOutputFields('Person'),
  { key: 'name', label: 'Name', type: 'string' },
  { key: 'first_name', label: 'First name', type: 'string' },
  { key: 'last_name', label: 'Last name', type: 'string' },
  { key: 'emails[0].value', label: 'Email', type: 'string' },
  { key: 'emails', label: 'All emails', type: 'array' },
  { key: 'phones[0].value', label: 'Phone', type: 'string' },
  { key: 'phones', label: 'All phones', type: 'array' },
  { key: 'org_id', label: 'Organization ID', type: 'integer' },
  { key: 'picture_id', label: 'Profile picture ID', type: 'integer' },
  ...customisableOutputFields,
];

export const organizationSample = {
  id: 3,
  name: 'Acme Inc.',
  owner_id: 1,
  add_time: '2025-01-10T08:00:00Z',
  update_time: '2025-01-12T10:00:00Z',
  is_deleted: false,
  visible_to: 3,
  address: { value: '1 Main St, Springfield' },
  label_ids: [],
  custom_fields: {},
};

export const organizationOutputFields: readonly OutputField[] = [
  ...recordOutputFields('Organization'),
  { key: 'name', label: 'Name', type: 'string' },
  { key: 'address.value', label: 'Address', type: 'string' },
  { key: 'address', label: 'Address details', type: 'object' },
  ...customisableOutputFields,
];

export const activitySample = {
  id: 11,
  subject: 'Call Jane about the renewal',
  type: 'call',
  owner_id: 1,
  creator_user_id: 1,
  is_deleted: false,
  add_time: '2025-01-16T10:00:00Z',
  update_time: '2025-01-16T10:00:00Z',
  deal_id: 42,
  person_id: 7,
  org_id: 3,
  due_date: '2025-01-20',
  due_time: '15:00',
  duration: '00:30',
  busy: true,
  done: false,
  marked_as_done_time: null,
  participants: [{ person_id: 7, primary: true }],
  note: 'Ask about the number of seats.',
};

export const activityOutputFields: readonly OutputField[] = [
  ...recordOutputFields('Activity'),
  { key: 'subject', label: 'Subject', type: 'string' },
  { key: 'type', label: 'Type', type: 'string' },
  { key: 'creator_user_id', label: 'Creator user ID', type: 'integer' },
  { key: 'deal_id', label: 'Deal ID', type: 'integer' },
  { key: 'person_id', label: 'Person ID', type: 'integer' },
  { key: 'participants[0].person_id', label: 'Primary participant ID', type: 'integer' },
  { key: 'participants', label: 'Participants', type: 'array' },
  { key: 'org_id', label: 'Organization ID', type: 'integer' },
  { key: 'due_date', label: 'Due date', type: 'string' },
  { key: 'due_time', label: 'Due time', type: 'string' },
  { key: 'duration', label: 'Duration', type: 'string' },
  { key: 'busy', label: 'Busy', type: 'boolean' },
  { key: 'done', label: 'Done', type: 'boolean' },
  { key: 'marked_as_done_time', label: 'Marked as done time', type: 'datetime' },
  { key: 'note', label: 'Note', type: 'string' },
];

export const recordTypes: Readonly<Record<RecordKind, RecordType>> = {
  deal: { kind: 'deal', label: 'deal', title: 'Deal', path: '/api/v2/deals', sample: dealSample, outputFields: dealOutputFields },
  person: { kind: 'person', label: 'person', title: 'Person', path: '/api/v2/persons', sample: personSample, outputFields: personOutputFields },
  organization: {
    kind: 'organization',
    label: 'organization',
    title: 'Organization',
    path: '/api/v2/organizations',
    sample: organizationSample,
    outputFields: organizationOutputFields,
  },
  activity: { kind: 'activity', label: 'activity', title: 'Activity', path: '/api/v2/activities', sample: activitySample, outputFields: activityOutputFields },
};
