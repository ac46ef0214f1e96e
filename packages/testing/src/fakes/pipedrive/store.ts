// The fake Pipedrive's data: users, pipelines, stages, deals, persons, organizations, activities and notes, with a deterministic clock.
import type { AddActivityRequest, AddDealRequest, AddOrganizationRequest, AddPersonRequest } from 'pipedrive/v2';

export type RecordKind = 'deal' | 'person' | 'organization' | 'activity';
export type FakeRecord = Record<string, unknown> & { id: number; add_time: string; update_time: string; is_deleted: boolean };
export type FakeNote = Record<string, unknown> & { id: number; content: string };

/** A rejected write: the status and message the fake answers with Pipedrive's error envelope. */
export class FakeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Time that moves only when told: every write advances it by `tickMs`, so timestamps are distinct and repeatable. */
export class FakeClock {
  private current: number;
  constructor(
    start: string,
    private readonly tickMs: number,
  ) {
    this.current = Date.parse(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  tick(): Date {
    this.current += this.tickMs;
    return this.now();
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(iso: string): void {
    this.current = Date.parse(iso);
  }
}

/** v2 timestamps: RFC3339 without fractions, e.g. 2025-01-01T10:20:00Z. */
export const v2Time = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;
/** v1 timestamps: "YYYY-MM-DD HH:MM:SS" UTC. */
export const v1Time = (date: Date): string => date.toISOString().slice(0, 19).replace('T', ' ');

export const kindOfCollection: Record<string, RecordKind> = { deals: 'deal', persons: 'person', organizations: 'organization', activities: 'activity' };
export const labelOf: Record<RecordKind, string> = { deal: 'Deal', person: 'Person', organization: 'Organization', activity: 'Activity' };

/**
 * Fields each v2 write accepts; anything else is refused, as a schema-validating API would. Each list is checked
 * against the official SDK's request model (pipedrive/v2), so the fake accepts no field the API does not publish.
 */
const writable = {
  deal: [
    'title',
    'owner_id',
    'person_id',
    'org_id',
    'pipeline_id',
    'stage_id',
    'value',
    'currency',
    'status',
    'probability',
    'lost_reason',
    'visible_to',
    'expected_close_date',
    'label_ids',
    'custom_fields',
  ] satisfies (keyof AddDealRequest)[],
  person: [
    'name',
    'owner_id',
    'org_id',
    'emails',
    'phones',
    'visible_to',
    'label_ids',
    'marketing_status',
    'custom_fields',
    'add_time',
  ] satisfies (keyof AddPersonRequest)[],
  organization: ['name', 'owner_id', 'visible_to', 'label_ids', 'address', 'custom_fields', 'add_time'] satisfies (keyof AddOrganizationRequest)[],
  activity: [
    'subject',
    'type',
    'owner_id',
    'deal_id',
    'lead_id',
    'org_id',
    'due_date',
    'due_time',
    'duration',
    'busy',
    'done',
    'participants',
    'note',
    'public_description',
    'priority',
    'location',
  ] satisfies (keyof AddActivityRequest)[],
} satisfies Record<RecordKind, string[]>;

const idFields = ['owner_id', 'person_id', 'org_id', 'pipeline_id', 'stage_id', 'deal_id', 'visible_to'];
const requiredName: Partial<Record<RecordKind, string>> = { deal: 'title', person: 'name', organization: 'name' };

export interface FakeUser {
  id: number;
  name: string;
  email: string;
  active_flag: boolean;
  is_admin: number;
}

export const defaultUsers: FakeUser[] = [
  { id: 1, name: 'Alex Admin', email: 'alex@fake-company.example', active_flag: true, is_admin: 1 },
  { id: 2, name: 'Sam Seller', email: 'sam@fake-company.example', active_flag: true, is_admin: 0 },
  { id: 3, name: 'Former Employee', email: 'former@fake-company.example', active_flag: false, is_admin: 0 },
];

const pipelineSeeds = [
  { id: 1, name: 'Sales', stages: ['Qualified', 'Contact made', 'Proposal made', 'Negotiations started'] },
  { id: 2, name: 'Partners', stages: ['Introduced', 'Signed'] },
];

export class FakeStore {
  readonly users: FakeUser[];
  readonly pipelines: Array<Record<string, unknown> & { id: number; name: string }>;
  readonly stages: Array<Record<string, unknown> & { id: number; name: string; pipeline_id: number; order_nr: number }>;
  private readonly tables: Record<RecordKind, Map<number, FakeRecord>> = { deal: new Map(), person: new Map(), organization: new Map(), activity: new Map() };
  readonly notes = new Map<number, FakeNote>();
  private readonly nextIds: Record<RecordKind | 'note', number> = { deal: 1, person: 1, organization: 1, activity: 1, note: 1 };

  constructor(
    readonly clock: FakeClock,
    users: FakeUser[] = defaultUsers,
  ) {
    this.users = users.map((user) => ({ ...user }));
    const created = v2Time(clock.now());
    this.pipelines = pipelineSeeds.map((pipeline, index) => ({
      id: pipeline.id,
      name: pipeline.name,
      order_nr: index + 1,
      is_selected: index === 0,
      is_deal_probability_enabled: false,
      is_deleted: false,
      add_time: created,
      update_time: created,
    }));
    let stageId = 1;
    this.stages = pipelineSeeds.flatMap((pipeline) =>
      pipeline.stages.map((name, index) => ({
        id: stageId++,
        name,
        pipeline_id: pipeline.id,
        order_nr: index + 1,
        deal_probability: 100,
        is_deal_rot_enabled: false,
        days_to_rotten: null,
        is_deleted: false,
        add_time: created,
        update_time: created,
      })),
    );
  }

  get me(): FakeUser {
    return this.users[0] as FakeUser;
  }

  table(kind: RecordKind): Map<number, FakeRecord> {
    return this.tables[kind];
  }

  get(kind: RecordKind, id: number): FakeRecord | undefined {
    const record = this.tables[kind].get(id);
    return record && !record.is_deleted ? record : undefined;
  }

  /** Validates a v2 body against the fields the endpoint accepts; answers the accepted fields. */
  checkBody(kind: RecordKind, body: unknown, creating: boolean): Record<string, unknown> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new FakeApiError(400, 'Validation failed: the body must be a JSON object');
    const fields = body as Record<string, unknown>;
    const accepted: readonly string[] = writable[kind];
    for (const key of Object.keys(fields)) {
      if (!accepted.includes(key)) throw new FakeApiError(400, `Validation failed: ${key}: Parameter '${key}' is not allowed for this request`);
    }
    const nameField = requiredName[kind];
    if (nameField && (creating || nameField in fields)) {
      const value = fields[nameField];
      if (typeof value !== 'string' || value.trim() === '')
        throw new FakeApiError(400, `Validation failed: ${nameField}: Parameter '${nameField}' is required`);
    }
    for (const key of idFields) {
      const value = fields[key];
      if (value !== undefined && value !== null && !(typeof value === 'number' && Number.isInteger(value))) {
        throw new FakeApiError(400, `Validation failed: ${key}: Parameter '${key}' must be an integer`);
      }
    }
    if (fields.value !== undefined && typeof fields.value !== 'number')
      throw new FakeApiError(400, "Validation failed: value: Parameter 'value' must be a number");
    if (fields.status !== undefined && !['open', 'won', 'lost', 'deleted'].includes(String(fields.status))) {
      throw new FakeApiError(400, "Validation failed: status: Parameter 'status' must be one of open, won, lost, deleted");
    }
    for (const key of ['emails', 'phones', 'participants', 'label_ids']) {
      if (fields[key] !== undefined && !Array.isArray(fields[key]))
        throw new FakeApiError(400, `Validation failed: ${key}: Parameter '${key}' must be an array`);
    }
    for (const key of ['emails', 'phones']) {
      for (const entry of (fields[key] as unknown[] | undefined) ?? []) {
        if (entry === null || typeof entry !== 'object' || typeof (entry as { value?: unknown }).value !== 'string') {
          throw new FakeApiError(400, `Validation failed: ${key}: each item must be an object with a string value`);
        }
      }
    }
    if (
      fields.custom_fields !== undefined &&
      (fields.custom_fields === null || typeof fields.custom_fields !== 'object' || Array.isArray(fields.custom_fields))
    ) {
      throw new FakeApiError(400, "Validation failed: custom_fields: Parameter 'custom_fields' must be an object");
    }
    if (fields.address !== undefined && fields.address !== null && typeof fields.address !== 'object') {
      throw new FakeApiError(400, "Validation failed: address: Parameter 'address' must be an object");
    }
    if (fields.stage_id !== undefined && fields.stage_id !== null && !this.stages.some((stage) => stage.id === fields.stage_id)) {
      throw new FakeApiError(400, `Stage ${String(fields.stage_id)} not found`);
    }
    if (fields.pipeline_id !== undefined && fields.pipeline_id !== null && !this.pipelines.some((pipeline) => pipeline.id === fields.pipeline_id)) {
      throw new FakeApiError(400, `Pipeline ${String(fields.pipeline_id)} not found`);
    }
    return fields;
  }

  /** The record as v2 returns it: every documented field, defaults filled in and derived fields (names, times) kept consistent. */
  private shape(kind: RecordKind, fields: Record<string, unknown>, previous: FakeRecord | undefined, id: number, now: string): FakeRecord {
    const base: Record<string, unknown> = previous ? { ...previous } : this.defaults(kind, id, now);
    const next: Record<string, unknown> = { ...base, ...fields, id, update_time: now };
    if (!previous && typeof fields.add_time === 'string') next.add_time = fields.add_time;
    if (kind === 'deal') {
      if (fields.stage_id !== undefined && fields.pipeline_id === undefined) {
        next.pipeline_id = this.stages.find((stage) => stage.id === fields.stage_id)?.pipeline_id ?? next.pipeline_id;
      }
      const stageFits = this.stages.some((stage) => stage.id === next.stage_id && stage.pipeline_id === next.pipeline_id);
      if (!stageFits) next.stage_id = this.stages.find((stage) => stage.pipeline_id === next.pipeline_id)?.id ?? null;
      if (previous && next.stage_id !== previous.stage_id) next.stage_change_time = now;
      if (next.status !== base.status || !previous) {
        next.won_time = next.status === 'won' ? now : null;
        next.lost_time = next.status === 'lost' ? now : null;
        next.close_time = next.status === 'won' || next.status === 'lost' ? now : null;
      }
    }
    if (kind === 'person' && typeof next.name === 'string') {
      const [first, ...rest] = next.name.trim().split(/\s+/);
      next.first_name = first ?? null;
      next.last_name = rest.length > 0 ? rest.join(' ') : null;
    }
    if (kind === 'activity') {
      const participants = Array.isArray(next.participants) ? (next.participants as Array<{ person_id?: unknown; primary?: unknown }>) : [];
      next.person_id = (participants.find((participant) => participant.primary) ?? participants[0])?.person_id ?? null;
      if (next.done === true && base.done !== true) next.marked_as_done_time = now;
      if (next.done !== true) next.marked_as_done_time = null;
    }
    return next as FakeRecord;
  }

  private defaults(kind: RecordKind, id: number, now: string): Record<string, unknown> {
    const common = { id, owner_id: this.me.id, add_time: now, update_time: now, is_deleted: false, visible_to: 3, label_ids: [], custom_fields: {} };
    switch (kind) {
      case 'deal':
        return {
          ...common,
          title: '',
          person_id: null,
          org_id: null,
          pipeline_id: 1,
          stage_id: 1,
          value: 0,
          currency: 'USD',
          stage_change_time: null,
          is_archived: false,
          status: 'open',
          probability: null,
          lost_reason: null,
          close_time: null,
          won_time: null,
          lost_time: null,
          expected_close_date: null,
          origin: 'API',
        };
      case 'person':
        return { ...common, name: '', first_name: null, last_name: null, org_id: null, emails: [], phones: [], picture_id: null };
      case 'organization':
        return { ...common, name: '', address: null };
      case 'activity': {
        const { label_ids: _labels, custom_fields: _custom, visible_to: _visible, ...activity } = common;
        return {
          ...activity,
          subject: 'Call',
          type: 'call',
          creator_user_id: this.me.id,
          deal_id: null,
          lead_id: null,
          person_id: null,
          org_id: null,
          due_date: null,
          due_time: null,
          duration: null,
          busy: false,
          done: false,
          marked_as_done_time: null,
          participants: [],
          note: null,
          public_description: null,
          priority: null,
          location: null,
        };
      }
    }
  }

  insert(kind: RecordKind, fields: Record<string, unknown>, at: Date): FakeRecord {
    const requestedId = typeof fields.id === 'number' ? fields.id : undefined;
    const id = requestedId ?? this.nextIds[kind];
    this.nextIds[kind] = Math.max(this.nextIds[kind], id + 1);
    const { id: _id, update_time: updateTime, ...rest } = fields;
    const record = this.shape(kind, rest, undefined, id, v2Time(at));
    if (typeof updateTime === 'string') record.update_time = updateTime;
    if (typeof fields.is_deleted === 'boolean') record.is_deleted = fields.is_deleted;
    this.tables[kind].set(id, record);
    return record;
  }

  /** Applies the fields and answers the record before and after. */
  change(kind: RecordKind, id: number, fields: Record<string, unknown>, at: Date): { before: FakeRecord; after: FakeRecord } {
    const before = this.get(kind, id);
    if (!before) throw new FakeApiError(404, `${labelOf[kind]} not found`);
    const after = this.shape(kind, fields, before, id, v2Time(at));
    this.tables[kind].set(id, after);
    return { before, after };
  }

  remove(kind: RecordKind, id: number, at: Date): FakeRecord {
    const before = this.get(kind, id);
    if (!before) throw new FakeApiError(404, `${labelOf[kind]} not found`);
    this.tables[kind].set(id, { ...before, is_deleted: true, update_time: v2Time(at) });
    return before;
  }

  addNote(fields: Record<string, unknown>, at: Date): FakeNote {
    const id = this.nextIds.note++;
    const flag = (value: unknown): boolean => value === true || value === 1 || value === '1';
    const note: FakeNote = {
      id,
      user_id: typeof fields.user_id === 'number' ? fields.user_id : this.me.id,
      deal_id: fields.deal_id ?? null,
      person_id: fields.person_id ?? null,
      org_id: fields.org_id ?? null,
      lead_id: fields.lead_id ?? null,
      project_id: fields.project_id ?? null,
      content: String(fields.content),
      add_time: typeof fields.add_time === 'string' ? fields.add_time : v1Time(at),
      update_time: v1Time(at),
      active_flag: true,
      pinned_to_deal_flag: flag(fields.pinned_to_deal_flag),
      pinned_to_person_flag: flag(fields.pinned_to_person_flag),
      pinned_to_organization_flag: flag(fields.pinned_to_organization_flag),
      pinned_to_lead_flag: flag(fields.pinned_to_lead_flag),
      pinned_to_project_flag: flag(fields.pinned_to_project_flag),
      last_update_user_id: null,
    };
    this.notes.set(id, note);
    return note;
  }

  /** The person as the v2 search answers it. */
  searchItem(person: FakeRecord): Record<string, unknown> {
    const org = typeof person.org_id === 'number' ? this.get('organization', person.org_id) : undefined;
    const values = (list: unknown): string[] => (Array.isArray(list) ? list.map((entry) => String((entry as { value?: unknown }).value ?? '')) : []);
    return {
      id: person.id,
      type: 'person',
      name: person.name,
      phones: values(person.phones),
      emails: values(person.emails),
      visible_to: person.visible_to,
      owner: { id: person.owner_id },
      organization: org ? { id: org.id, name: org.name, address: null } : null,
      custom_fields: [],
      notes: [],
    };
  }
}
