// The four Pipedrive record kinds the triggers watch, with their v2 paths and sample records.

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
}

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

export const recordTypes: Readonly<Record<RecordKind, RecordType>> = {
  deal: { kind: 'deal', label: 'deal', title: 'Deal', path: '/api/v2/deals', sample: dealSample },
  person: { kind: 'person', label: 'person', title: 'Person', path: '/api/v2/persons', sample: personSample },
  organization: { kind: 'organization', label: 'organization', title: 'Organization', path: '/api/v2/organizations', sample: organizationSample },
  activity: { kind: 'activity', label: 'activity', title: 'Activity', path: '/api/v2/activities', sample: activitySample },
};
