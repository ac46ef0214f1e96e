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
  /** The record has no created/edited (activities carry `time` and friends instead). */
  untimed?: boolean;
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
  activities: {
    writable: true,
    required: ['type'],
    // The activities model's type and action values (aviationexam/daktela-http-client EActivityType and EAction,
    // hajekd/mcp-daktela docs/api-reference.md); an empty type is a comment.
    enums: {
      type: ['', 'CALL', 'EMAIL', 'CHAT', 'SMS', 'FBM', 'IGDM', 'WAP', 'VBR', 'CUSTOM', 'FBCOMMENT', 'IGCOMMENT', 'COMMENT'],
      action: ['', 'WAIT', 'OPEN', 'POSTPONE', 'CLOSE'],
    },
    namePrefix: 'activities',
    references: { ...people, queue: 'queues', contact: 'contacts', ticket: 'tickets' },
    untimed: true,
  },
  users: { writable: false, required: [] },
  queues: { writable: false, required: [] },
  ticketsCategories: { writable: false, required: [] },
  statuses: { writable: false, required: [] },
  pauses: { writable: false, required: [] },
  crmRecordsTypes: { writable: false, required: [] },
  campaignsTypes: { writable: false, required: [] },
  databases: { writable: false, required: [] },
};

/** How an activity of one type is created: the fields it needs, and the channel record (`item`) they become. */
export interface ActivityChannel {
  /** Mandatory on create besides `type`; a missing one answers `error.form` "Item is mandatory". */
  required: readonly string[];
  /** Fields that only say what to send: they go into `item` and are not kept on the activity itself. */
  writeOnly: readonly string[];
  /** The channel record as Daktela reads it back in the activity's `item`. */
  item(body: DaktelaRecord, time: string): DaktelaRecord;
}

const sentFlag = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 'true';

/** Each activity type a client can create, from the source named beside it. */
export const ACTIVITY_CHANNELS: Readonly<Record<string, ActivityChannel>> = {
  // doc.daktela.com "Javascript CLI library" (click to call): {type: "CALL", number, queue}. The item is the
  // activitiesCall model (hajekd/mcp-daktela docs/api-reference.md), whose `clid` is the other party's number.
  CALL: {
    required: ['number', 'queue'],
    writeOnly: ['number'],
    item: (body, time) => ({ clid: body.number, direction: 'out', answered: false, call_time: time, _sys: { hash: null, model: 'activitiesCall' } }),
  },
  // Daktela/daktela-v6-php-connector src/Request/Activities.php, sendSms: {type: "SMS", number, text, queue, ticket}.
  // The item is the activitiesSms model (mcp-daktela api-reference; Daktela's php-mcp-server ChatFormatter): the
  // conversation with `sender`, not the message text.
  SMS: {
    required: ['queue', 'number', 'text'],
    writeOnly: ['number', 'text'],
    item: (body, time) => ({ sender: body.number, direction: 'OUT', answered: false, time, _sys: { hash: null, model: 'activitiesSms' } }),
  },
  // Same file, sendEmail: {type: "EMAIL", subject, message, to, queue, sendMail: true, action: "CLOSE", ticket}.
  // The item is the activitiesEmail record as a captured read shows it (aviationexam/daktela-http-client
  // tests/.../ticket-activity-read-email.json): subject in `title`, recipient in `address`, body in `text`.
  // Without sendMail the e-mail is only recorded: state DRAFT (the model's states: SENT FAILED WAIT DRAFT).
  EMAIL: {
    required: ['queue', 'to', 'subject', 'message'],
    writeOnly: ['to', 'subject', 'message', 'sendMail'],
    item: (body, time) => ({
      title: body.subject,
      address: body.to,
      direction: 'out',
      answered: false,
      text: body.message,
      time,
      state: sentFlag(body.sendMail) ? 'WAIT' : 'DRAFT',
      _sys: { hash: null, model: 'activitiesEmail' },
    }),
  },
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
