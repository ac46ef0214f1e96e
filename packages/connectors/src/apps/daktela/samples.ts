// Sample records in the shape Daktela v6 returns them (references expanded), and their labelled output fields, so the builder can offer fields before a run.
import type { OutputField } from '../../kit/define.ts';
import type { DaktelaRecord } from './client.ts';

const sys = (model: string) => ({ hash: null, model });

const user = { name: 'administrator', title: 'Administrator', alias: '', email: 'admin@acme.example', _sys: sys('users') };
const database = { name: 'default', title: 'Default', _sys: sys('databases') };

/** A reference to another record, expanded as Daktela returns it: the record, its name (the id) and its title. */
function reference(key: string, label: string, id: 'string' | 'integer' = 'string'): OutputField[] {
  return [
    { key, label, type: 'object' },
    { key: `${key}.name`, label: `${label} ID`, type: id },
    { key: `${key}.title`, label: `${label} name`, type: 'string' },
  ];
}

/** A reference to a user: the login is its name. */
function userReference(key: string, label: string): OutputField[] {
  return [
    { key, label, type: 'object' },
    { key: `${key}.name`, label: `${label} login`, type: 'string' },
    { key: `${key}.title`, label: `${label} name`, type: 'string' },
    { key: `${key}.email`, label: `${label} e-mail`, type: 'string' },
  ];
}

/** What every record carries: when it was created and last changed, and Daktela's own metadata. */
const recordTimes: OutputField[] = [
  { key: 'created', label: 'Created', type: 'datetime' },
  { key: 'edited', label: 'Last edited', type: 'datetime' },
  { key: '_sys', label: 'Record metadata', type: 'object' },
];

const customFieldsOutput: OutputField = { key: 'customFields', label: 'Custom fields', type: 'object' };

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

export const accountOutputFields: readonly OutputField[] = [
  { key: 'name', label: 'Company ID', type: 'string' },
  { key: 'title', label: 'Company name', type: 'string' },
  ...reference('database', 'Database'),
  { key: 'sla', label: 'SLA', type: 'string' },
  ...userReference('user', 'Owner'),
  { key: 'description', label: 'Description', type: 'string' },
  customFieldsOutput,
  ...recordTimes,
];

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

export const contactOutputFields: readonly OutputField[] = [
  { key: 'name', label: 'Contact ID', type: 'string' },
  { key: 'title', label: 'Full name', type: 'string' },
  { key: 'firstname', label: 'First name', type: 'string' },
  { key: 'lastname', label: 'Last name', type: 'string' },
  ...reference('database', 'Database'),
  ...reference('account', 'Company'),
  ...userReference('user', 'Owner'),
  { key: 'description', label: 'Description', type: 'string' },
  { key: 'nps_score', label: 'NPS score', type: 'number' },
  customFieldsOutput,
  { key: 'customFields.email[0]', label: 'E-mail', type: 'string' },
  { key: 'customFields.number[0]', label: 'Phone', type: 'string' },
  ...recordTimes,
];

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

export const ticketOutputFields: readonly OutputField[] = [
  { key: 'name', label: 'Ticket number', type: 'integer' },
  { key: 'title', label: 'Title', type: 'string' },
  ...reference('category', 'Category'),
  ...userReference('user', 'Assigned user'),
  ...reference('contact', 'Contact'),
  { key: 'email', label: 'Customer e-mail', type: 'string' },
  { key: 'parentTicket', label: 'Parent ticket', type: 'integer' },
  { key: 'description', label: 'Description', type: 'string' },
  { key: 'stage', label: 'Stage', type: 'string' },
  { key: 'priority', label: 'Priority', type: 'string' },
  { key: 'sla_deadtime', label: 'SLA deadline', type: 'datetime' },
  { key: 'reopen', label: 'Reopen at', type: 'datetime' },
  { key: 'statuses', label: 'Statuses', type: 'array' },
  { key: 'statuses[0].title', label: 'First status', type: 'string' },
  { key: 'followers', label: 'Followers', type: 'array' },
  customFieldsOutput,
  ...recordTimes,
  ...userReference('created_by', 'Created by'),
  { key: 'edited_by', label: 'Last edited by', type: 'object' },
  { key: 'last_activity', label: 'Last activity', type: 'datetime' },
  { key: 'closed', label: 'Closed', type: 'datetime' },
  { key: 'first_answer', label: 'First answer', type: 'datetime' },
  { key: 'sla_overdue', label: 'SLA overdue', type: 'integer' },
  { key: 'unread', label: 'Unread', type: 'boolean' },
  { key: 'has_attachment', label: 'Has attachments', type: 'boolean' },
  { key: 'id_merge', label: 'Merged into ticket', type: 'integer' },
  { key: 'isParent', label: 'Is a parent ticket', type: 'boolean' },
];

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

export const crmRecordOutputFields: readonly OutputField[] = [
  { key: 'name', label: 'CRM record ID', type: 'string' },
  { key: 'title', label: 'Title', type: 'string' },
  ...reference('type', 'Record type'),
  { key: 'stage', label: 'Stage', type: 'string' },
  ...userReference('user', 'Owner'),
  ...reference('contact', 'Contact'),
  ...reference('account', 'Company'),
  { key: 'ticket', label: 'Ticket', type: 'integer' },
  { key: 'description', label: 'Description', type: 'string' },
  { key: 'status', label: 'Status', type: 'object' },
  customFieldsOutput,
  ...recordTimes,
];

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

export const campaignRecordOutputFields: readonly OutputField[] = [
  { key: 'name', label: 'Campaign record ID', type: 'string' },
  ...reference('record_type', 'Campaign type'),
  ...userReference('user', 'User'),
  ...reference('database', 'Database'),
  ...reference('contact', 'Contact'),
  { key: 'number', label: 'Phone number', type: 'string' },
  ...reference('queue', 'Queue', 'integer'),
  { key: 'nextcall', label: 'Next call', type: 'datetime' },
  { key: 'action', label: 'State', type: 'integer' },
  { key: 'statuses', label: 'Statuses', type: 'array' },
  customFieldsOutput,
  { key: 'call_id', label: 'Call ID', type: 'string' },
  ...recordTimes,
];

const callQueue = { name: 2000, title: 'Outbound calls', type: 'out', _sys: sys('queues') };
export const emailQueue = { name: 3000, title: 'Support e-mail', type: 'email', _sys: sys('queues') };
export const smsQueue = { name: 4000, title: 'SMS', type: 'sms', _sys: sys('queues') };

/**
 * An outbound call as Daktela answers it: the activity (it has `time`, no created/edited) with its channel record in
 * `item` (activitiesCall: `clid` is the other party's number). SMS and e-mail replace type, queue and item.
 */
export const activitySample: DaktelaRecord = {
  name: 'activities_5fa299a48ab72834012567',
  ticket: { name: 1024, title: 'Cannot log in', stage: 'OPEN', _sys: sys('tickets') },
  title: null,
  type: 'CALL',
  queue: callQueue,
  user,
  contact: null,
  action: 'OPEN',
  time: '2024-05-02 14:00:00',
  item: { clid: '+420777123456', direction: 'out', answered: false, call_time: '2024-05-02 14:00:00', _sys: sys('activitiesCall') },
  _sys: sys('activities'),
};

/** An activity's fields; each action adds what its `item` holds (the number called, the e-mail sent). */
export const activityOutputFields: readonly OutputField[] = [
  { key: 'name', label: 'Activity ID', type: 'string' },
  { key: 'ticket', label: 'Ticket', type: 'object' },
  { key: 'ticket.name', label: 'Ticket number', type: 'integer' },
  { key: 'ticket.title', label: 'Ticket title', type: 'string' },
  { key: 'title', label: 'Title', type: 'string' },
  { key: 'type', label: 'Type', type: 'string' },
  ...reference('queue', 'Queue', 'integer'),
  ...userReference('user', 'User'),
  { key: 'contact', label: 'Contact', type: 'object' },
  { key: 'action', label: 'State', type: 'string' },
  { key: 'time', label: 'Time', type: 'datetime' },
  { key: 'item', label: 'Details', type: 'object' },
  { key: '_sys', label: 'Record metadata', type: 'object' },
];

export const sessionSample: DaktelaRecord = {
  user,
  queues: [{ name: 2000, login: true, penalty: 0 }],
  pause: { name: 'pauses_5fa2a1b2c3d4e000000021', title: 'Lunch', _sys: sys('pauses') },
  onpause: true,
  id_pause: 'pauses_5fa2a1b2c3d4e000000021',
};

export const sessionOutputFields: readonly OutputField[] = [
  ...userReference('user', 'User'),
  { key: 'queues', label: 'Queues', type: 'array' },
  { key: 'pause', label: 'Pause', type: 'object' },
  { key: 'pause.title', label: 'Pause name', type: 'string' },
  { key: 'onpause', label: 'On pause', type: 'boolean' },
  { key: 'id_pause', label: 'Pause ID', type: 'string' },
];
