// The Daktela fake's models: what each endpoint requires, how names are made, which fields reference other records.

export type DaktelaRecord = Record<string, unknown>;

export interface ModelSpec {
  /** Settable through POST/PUT; reference models (users, queues...) are seeded only. */
  writable: boolean;
  /** Required on create (API-NOTES 1.5 / 1.6). */
  required: readonly string[];
  /** Required in every PUT body as well (the UpdateTicket DTO marks them so). */
  requiredOnUpdate?: readonly string[];
  /** Allowed values of enumerated fields. */
  enums?: Readonly<Record<string, readonly string[]>>;
  /** Prefix of generated names (default: the model's name). */
  namePrefix?: string;
  /** Names are integers counting up, made by the server (tickets). */
  numericNames?: boolean;
  /** Fields that name another record, expanded to that record on read as the real API does. */
  references?: Readonly<Record<string, string>>;
}

const people = { user: 'users' } as const;

export const MODELS: Readonly<Record<string, ModelSpec>> = {
  tickets: {
    writable: true,
    required: ['title', 'category', 'stage', 'priority'],
    requiredOnUpdate: ['title', 'category', 'stage', 'priority'],
    numericNames: true,
    enums: { stage: ['OPEN', 'WAIT', 'CLOSE', 'ARCHIVE'], priority: ['LOW', 'MEDIUM', 'HIGH'] },
    references: { ...people, category: 'ticketsCategories', contact: 'contacts', statuses: 'statuses', followers: 'users' },
  },
  contacts: {
    writable: true,
    required: ['title', 'lastname', 'database'],
    namePrefix: 'contacts',
    references: { ...people, account: 'accounts', database: 'databases' },
  },
  accounts: { writable: true, required: ['title', 'database'], namePrefix: 'accounts', references: { ...people, database: 'databases' } },
  crmRecords: {
    writable: true,
    required: ['type', 'title', 'stage'],
    enums: { stage: ['OPEN', 'CLOSE'] },
    namePrefix: 'crmrecords',
    references: { ...people, type: 'crmRecordsTypes', contact: 'contacts', account: 'accounts', status: 'statuses' },
  },
  campaignsRecords: {
    writable: true,
    required: ['record_type'],
    namePrefix: 'records',
    references: { ...people, record_type: 'campaignsTypes', contact: 'contacts', database: 'databases', queue: 'queues', statuses: 'statuses' },
  },
  activities: { writable: true, required: ['type'], namePrefix: 'activities', references: { ...people, queue: 'queues', contact: 'contacts' } },
  users: { writable: false, required: [] },
  queues: { writable: false, required: [] },
  ticketsCategories: { writable: false, required: [] },
  statuses: { writable: false, required: [] },
  pauses: { writable: false, required: [] },
  crmRecordsTypes: { writable: false, required: [] },
  campaignsTypes: { writable: false, required: [] },
  databases: { writable: false, required: [] },
};

/**
 * ⚠ INFERRED (API-NOTES 1.6): the fields an SMS or e-mail activity needs. The connector sends exactly these; if a
 * real instance wants other names, change them here and in the connector's exported constants together.
 */
export const DAKTELA_FAKE_ACTIVITY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  CALL: ['number', 'queue'],
  SMS: ['queue', 'number', 'text'],
  EMAIL: ['queue', 'address', 'title', 'text'],
};

/** ⚠ INFERRED: the usersSession field that holds the current pause (a pause name, or null for none). */
export const DAKTELA_FAKE_PAUSE_FIELD = 'pause';

/** The reference records every fake starts with, so actions have categories, queues and users to point at. */
export const DAKTELA_FAKE_DEFAULTS = {
  user: 'administrator',
  category: 'categories_5fa2a1b2c3d4e000000001',
  statuses: ['statuses_5fa2a1b2c3d4e000000011', 'statuses_5fa2a1b2c3d4e000000012'],
  callQueue: 2000,
  emailQueue: 3000,
  smsQueue: 4000,
  pause: 'pauses_5fa2a1b2c3d4e000000021',
  crmRecordType: 'crmrecordtypes_5fa2a1b2c3d4e000000031',
  campaignType: 'campaignstypes_5fa2a1b2c3d4e000000041',
  database: 'default',
} as const;

export function defaultReferenceRecords(): Record<string, DaktelaRecord[]> {
  const d = DAKTELA_FAKE_DEFAULTS;
  return {
    users: [
      { name: d.user, title: 'Administrator', alias: '', email: 'admin@example.com', extension: '500' },
      { name: 'agent.smith', title: 'Agent Smith', alias: 'smith', email: 'smith@example.com', extension: '501' },
    ],
    queues: [
      { name: d.callQueue, title: 'Outbound calls', type: 'out' },
      { name: d.emailQueue, title: 'Support e-mail', type: 'email' },
      { name: d.smsQueue, title: 'SMS', type: 'sms' },
    ],
    ticketsCategories: [{ name: d.category, title: 'Customer Support' }],
    statuses: [
      { name: d.statuses[0], title: 'Support', color: '' },
      { name: d.statuses[1], title: 'Sales', color: '' },
    ],
    pauses: [
      { name: d.pause, title: 'Lunch', paid: false },
      { name: 'pauses_5fa2a1b2c3d4e000000022', title: 'Meeting', paid: true },
    ],
    crmRecordsTypes: [{ name: d.crmRecordType, title: 'Deal' }],
    campaignsTypes: [{ name: d.campaignType, title: 'Callback' }],
    databases: [{ name: d.database, title: 'Default' }],
  };
}

/** What is wrong with a record about to be written, as Daktela's `error.form` ({field: message}). */
export function validate(spec: ModelSpec, record: DaktelaRecord, body: DaktelaRecord, creating: boolean): Record<string, string> {
  const form: Record<string, string> = {};
  const mandatory = creating ? spec.required : (spec.requiredOnUpdate ?? []);
  const source = creating ? record : body;
  for (const field of mandatory) {
    const value = source[field];
    if (value === undefined || value === null || value === '') form[field] = 'Item is mandatory';
  }
  for (const [field, allowed] of Object.entries(spec.enums ?? {})) {
    const value = record[field];
    if (value !== undefined && value !== null && !allowed.includes(String(value))) form[field] = `Invalid value, allowed: ${allowed.join(', ')}`;
  }
  return form;
}
