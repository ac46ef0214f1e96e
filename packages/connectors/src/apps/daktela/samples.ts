// Sample records in the shape Daktela v6 returns them (references expanded), so the builder can offer fields before a run.
import type { DaktelaRecord } from './client.ts';

const sys = (model: string) => ({ hash: null, model });

const user = { name: 'administrator', title: 'Administrator', alias: '', email: 'admin@acme.example', _sys: sys('users') };
const database = { name: 'default', title: 'Default', _sys: sys('databases') };

export const accountSample: DaktelaRecord = {
  name: 'accounts_5fa299a48ab72834012563',
  title: 'Acme Ltd',
  database,
  sla: null,
  user,
  description: 'Key account',
  customFields: { ico: ['12345678'], address: ['Main Street 1, Prague'] },
  created: '2024-05-01 10:00:00',
  edited: '2024-05-02 08:30:00',
  _sys: sys('accounts'),
};

export const contactSample: DaktelaRecord = {
  name: 'contacts_5fa299a48ab72834012564',
  title: 'Jane Doe',
  firstname: 'Jane',
  lastname: 'Doe',
  database,
  account: { name: 'accounts_5fa299a48ab72834012563', title: 'Acme Ltd', _sys: sys('accounts') },
  user,
  description: '',
  nps_score: null,
  customFields: { number: ['+420777123456'], email: ['jane@acme.example'], note: [] },
  created: '2024-05-01 10:05:00',
  edited: '2024-05-02 09:00:00',
  _sys: sys('contacts'),
};

export const ticketSample: DaktelaRecord = {
  name: 1024,
  title: 'Cannot log in',
  category: { name: 'categories_5fa2a1b2c3d4e000000001', title: 'Customer Support', _sys: sys('ticketsCategories') },
  user,
  contact: { name: 'contacts_5fa299a48ab72834012564', title: 'Jane Doe', _sys: sys('contacts') },
  email: 'jane@acme.example',
  parentTicket: null,
  description: 'The customer cannot log in since this morning.',
  stage: 'OPEN',
  priority: 'HIGH',
  sla_deadtime: '2024-05-03 10:10:00',
  reopen: null,
  statuses: [{ name: 'statuses_5fa2a1b2c3d4e000000011', title: 'Support', _sys: sys('statuses') }],
  followers: [],
  customFields: { order_id: ['A-1001'] },
  created: '2024-05-02 10:10:00',
  edited: '2024-05-02 11:00:00',
  created_by: user,
  edited_by: user,
  last_activity: '2024-05-02 11:00:00',
  closed: null,
  first_answer: null,
  sla_overdue: 0,
  unread: false,
  has_attachment: false,
  id_merge: null,
  isParent: false,
  _sys: sys('tickets'),
};

export const crmRecordSample: DaktelaRecord = {
  name: 'crmrecords_5fa299a48ab72834012565',
  title: 'Renewal 2025',
  type: { name: 'crmrecordtypes_5fa2a1b2c3d4e000000031', title: 'Deal', _sys: sys('crmRecordsTypes') },
  stage: 'OPEN',
  user,
  contact: { name: 'contacts_5fa299a48ab72834012564', title: 'Jane Doe', _sys: sys('contacts') },
  account: { name: 'accounts_5fa299a48ab72834012563', title: 'Acme Ltd', _sys: sys('accounts') },
  ticket: null,
  description: 'Annual licence renewal',
  status: null,
  customFields: { value: ['12000'] },
  created: '2024-05-02 12:00:00',
  edited: '2024-05-02 12:30:00',
  _sys: sys('crmRecords'),
};

export const campaignRecordSample: DaktelaRecord = {
  name: 'records_5fa299a48ab72834012566',
  record_type: { name: 'campaignstypes_5fa2a1b2c3d4e000000041', title: 'Callback', _sys: sys('campaignsTypes') },
  user,
  database,
  contact: { name: 'contacts_5fa299a48ab72834012564', title: 'Jane Doe', _sys: sys('contacts') },
  number: '+420777123456',
  queue: { name: 2000, title: 'Outbound calls', type: 'out', _sys: sys('queues') },
  nextcall: '2024-05-03 09:00:00',
  action: 1,
  statuses: [],
  customFields: {},
  call_id: null,
  created: '2024-05-02 13:00:00',
  edited: '2024-05-02 13:00:00',
  _sys: sys('campaignsRecords'),
};

export const activitySample: DaktelaRecord = {
  name: 'activities_5fa299a48ab72834012567',
  type: 'CALL',
  queue: { name: 2000, title: 'Outbound calls', type: 'out', _sys: sys('queues') },
  user,
  contact: null,
  action: 'OPEN',
  time: '2024-05-02 14:00:00',
  item: { number: '+420777123456' },
  created: '2024-05-02 14:00:00',
  edited: '2024-05-02 14:00:00',
  _sys: sys('activities'),
};

export const sessionSample: DaktelaRecord = {
  user,
  queues: [{ name: 2000, login: true, penalty: 0 }],
  pause: { name: 'pauses_5fa2a1b2c3d4e000000021', title: 'Lunch', _sys: sys('pauses') },
  onpause: true,
  id_pause: 'pauses_5fa2a1b2c3d4e000000021',
};
