// The connector kit's definitions: an app is a declarative object of auth, actions and triggers.
import { z } from 'zod';
import type { OutputField } from '@switchyard/contracts';
import type { StepHttp } from '../http/client.ts';

/** Declared output fields are shared with the engine and the builder; operations import them from the kit. */
export type { OutputField, OutputFieldType } from '@switchyard/contracts';

/** A connection's decrypted credentials, as the connection form collected them. */
export type Credentials = Readonly<Record<string, unknown>>;

/** What every call to a service needs; a connector's client takes exactly this. */
export interface ServiceContext {
  /** The connection's credentials, or undefined for apps without auth. */
  auth: Credentials | undefined;
  /**
   * The guarded client bound to this step: it records requests, redacts the credentials, and is cancelled with the
   * step (its abort signal is already bound, so connectors never pass one).
   */
  http: StepHttp;
}

export interface ActionContext<Input> extends ServiceContext {
  /** The step's input after templates, parsed by the action's schema. */
  input: Input;
  /** `runId:stepKey`: stable across retries and crash recovery, for services that accept one. */
  idempotencyKey: string;
}

export interface TriggerContext<Input> extends ServiceContext {
  input: Input;
}

/** JSON a poll may keep between runs (a timestamp, a page token). */
export type Cursor = string | number | boolean | null | Cursor[] | { [key: string]: Cursor };

export interface PollContext<Input> extends TriggerContext<Input> {
  /** What the previous poll returned as its cursor; null on the first poll. */
  cursor: Cursor | null;
}

/** Newest first. A poll may also hand back a cursor for the next one (e.g. the newest update time it saw). */
export type PollOutcome<Item> = Item[] | { items: Item[]; cursor?: Cursor | null };

/** An HTTP request delivered to a hook, as signed hooks and app webhooks see it. */
export interface IncomingRequest {
  method: string;
  /** Lower-case names. */
  headers: Readonly<Record<string, string>>;
  query: Readonly<Record<string, unknown>>;
  /** Parsed as its content type says (JSON, form, text), null when empty. */
  body: unknown;
  /** The body exactly as received, for signatures. */
  rawBody: string;
}

/**
 * What a delivery becomes: items that each start a run, or a reply the service expects (a verification challenge).
 * `problem` says why a verified delivery could not be read (its items are then empty): the zap shows it as its last
 * error instead of the delivery vanishing. `keys` (one per item) name the event behind each item where a service may
 * send one event twice: an item whose key the hook saw within the hour starts no run.
 */
export type Delivery = { items: unknown[]; keys?: string[]; problem?: string } | { reply: { status: number; body: unknown } };

/** Thrown by `receive` for a delivery that must be refused (bad signature): answered 401, stored nowhere. */
export class DeliveryRejected extends Error {
  override readonly name = 'DeliveryRejected';
}

export interface SubscribeContext<Input> extends TriggerContext<Input> {
  /** The URL the service must call. */
  hookUrl: string;
  /** A random secret for this subscription, for services that sign deliveries with a secret we choose. */
  secret: string;
}

/** A lookup of choices for a field (pipelines, stages, queues), shown as a dropdown in the builder. */
export type OptionsLoader = (context: ServiceContext & { input: Record<string, unknown> }) => Promise<Array<{ value: string | number; label: string }>>;

export interface ActionDefinition<Schema extends z.ZodType = z.ZodType, Output = unknown> {
  key: string;
  name: string;
  description: string;
  /** Validates the step's input and renders its form (see describeApp). */
  input: Schema;
  /** What an output looks like, so the builder can offer fields before any run. */
  sample: Output;
  /** The output's fields, labelled; checked against the sample. */
  outputFields: readonly OutputField[];
  /**
   * Set when the request or payload rests on a guess (API-NOTES marks it INFERRED): one line saying what is guessed.
   * The catalog then says `verified: false` with it, and the builder warns before anyone relies on it.
   */
  unverified?: string;
  perform(context: ActionContext<z.output<Schema>>): Promise<Output>;
  /** Dynamic choices for input fields, by field key (mark the field with `.meta({ dynamicOptions: true })`). */
  options?: Record<string, OptionsLoader>;
  /** True when perform only computes (no request, no effect), so a resumed run may run it again: its record need not be saved first. */
  pure?: boolean;
}

export interface PollingTriggerDefinition<Schema extends z.ZodType = z.ZodType, Item = unknown> {
  key: string;
  name: string;
  description: string;
  type: 'polling';
  input: Schema;
  sample: Item;
  outputFields: readonly OutputField[];
  /**
   * Set when the request or payload rests on a guess (API-NOTES marks it INFERRED): one line saying what is guessed.
   * The catalog then says `verified: false` with it, and the builder warns before anyone relies on it.
   */
  unverified?: string;
  /** The most recent items, newest first, following the service's paging as far as the cursor says is new. */
  perform(context: PollContext<z.output<Schema>>): Promise<PollOutcome<Item>>;
  /** What makes an item new: its id for "new" triggers; id plus update time for "updated" ones. */
  dedupeKey(item: Item): string;
  options?: Record<string, OptionsLoader>;
}

/** A trigger the service pushes to us: subscribed through its API when the zap is turned on, removed when it is turned off. */
export interface AppWebhookTriggerDefinition<Schema extends z.ZodType = z.ZodType, Item = unknown> {
  key: string;
  name: string;
  description: string;
  type: 'app_webhook';
  input: Schema;
  sample: Item;
  outputFields: readonly OutputField[];
  /**
   * Set when the request or payload rests on a guess (API-NOTES marks it INFERRED): one line saying what is guessed.
   * The catalog then says `verified: false` with it, and the builder warns before anyone relies on it.
   */
  unverified?: string;
  subscribe(context: SubscribeContext<z.output<Schema>>): Promise<{ externalId: string }>;
  unsubscribe(context: TriggerContext<z.output<Schema>> & { hookUrl: string; externalId: string }): Promise<void>;
  /** Verifies a delivery (throw DeliveryRejected) and turns it into items, or answers it directly. */
  receive(request: IncomingRequest, context: { input: z.output<Schema>; secret: string }): Delivery;
  options?: Record<string, OptionsLoader>;
}

/**
 * A trigger whose events arrive by themselves: a catch hook (`hook`: the user pastes our URL into the service),
 * a subscription made through the service's API on publish (`app_webhook`), a schedule, or a manual "run now".
 * The intake that receives them is generic; the definition says what the data looks like.
 */
export interface InstantTriggerDefinition<Schema extends z.ZodType = z.ZodType, Item = unknown> {
  key: string;
  name: string;
  description: string;
  type: 'hook' | 'schedule' | 'manual';
  input: Schema;
  sample: Item;
  outputFields: readonly OutputField[];
  /**
   * Set when the request or payload rests on a guess (API-NOTES marks it INFERRED): one line saying what is guessed.
   * The catalog then says `verified: false` with it, and the builder warns before anyone relies on it.
   */
  unverified?: string;
  /**
   * For catch hooks the service signs (the user pastes our URL and their signing key): verify the delivery
   * (throw DeliveryRejected) and shape it. Without it, the trigger data is `{method, query, headers, body}`.
   */
  receive?(request: IncomingRequest, context: { input: z.output<Schema> }): Delivery;
  options?: Record<string, OptionsLoader>;
}

export type TriggerDefinition = PollingTriggerDefinition | AppWebhookTriggerDefinition | InstantTriggerDefinition;

export interface AppAuth<Fields extends z.ZodType = z.ZodType> {
  /** The connection form; every string value is treated as a secret in run history. */
  fields: Fields;
  /**
   * Proves the credentials work with a live call; throws a StepFailure with the service's own message when not.
   * Label each field with `.meta({ title, description, secret })`: the form, the API and redaction read them.
   */
  test(context: { auth: z.output<Fields>; http: StepHttp }): Promise<void>;
}

export interface AppDefinition {
  key: string;
  name: string;
  description: string;
  auth?: AppAuth;
  actions: readonly ActionDefinition[];
  triggers: readonly TriggerDefinition[];
}

const keyPattern = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

function checkCommon(where: string, definition: { key: string; name: string; description: string; input: z.ZodType }): void {
  if (!keyPattern.test(definition.key)) throw new Error(`${where}: key "${definition.key}" must be lowercase letters, digits, - or _`);
  if (!definition.name.trim()) throw new Error(`${where}: a name is required`);
  if (!definition.description.trim()) throw new Error(`${where}: a description is required`);
  // A form is a set of named fields; anything else cannot render as one.
  if (!(definition.input instanceof z.ZodObject)) throw new Error(`${where}: input must be a z.object schema`);
}

export function defineAction<Schema extends z.ZodType, Output>(definition: ActionDefinition<Schema, Output>): ActionDefinition<Schema, Output> {
  checkCommon(`action ${definition.key}`, definition);
  return definition;
}

export function defineTrigger<Schema extends z.ZodType, Item>(definition: PollingTriggerDefinition<Schema, Item>): PollingTriggerDefinition<Schema, Item>;
export function defineTrigger<Schema extends z.ZodType, Item>(definition: AppWebhookTriggerDefinition<Schema, Item>): AppWebhookTriggerDefinition<Schema, Item>;
export function defineTrigger<Schema extends z.ZodType, Item>(definition: InstantTriggerDefinition<Schema, Item>): InstantTriggerDefinition<Schema, Item>;
export function defineTrigger<Schema extends z.ZodType, Item>(
  definition: PollingTriggerDefinition<Schema, Item> | AppWebhookTriggerDefinition<Schema, Item> | InstantTriggerDefinition<Schema, Item>,
): PollingTriggerDefinition<Schema, Item> | AppWebhookTriggerDefinition<Schema, Item> | InstantTriggerDefinition<Schema, Item> {
  checkCommon(`trigger ${definition.key}`, definition);
  return definition;
}

/** Checks the app as a whole, one rule at a time, so that a broken connector fails at load, not in a run. */
export function defineApp<const App extends AppDefinition>(app: App): App {
  if (!keyPattern.test(app.key)) throw new Error(`app "${app.key}": key must be lowercase letters, digits, - or _`);
  if (!app.name.trim()) throw new Error(`app ${app.key}: a name is required`);
  for (const [kind, list] of [
    ['action', app.actions],
    ['trigger', app.triggers],
  ] as const) {
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.key)) throw new Error(`app ${app.key}: ${kind} key "${item.key}" is used twice`);
      seen.add(item.key);
    }
  }
  if (app.auth && !(app.auth.fields instanceof z.ZodObject)) throw new Error(`app ${app.key}: auth fields must be a z.object schema`);
  for (const operation of [...app.actions, ...app.triggers]) {
    // The builder labels data from these; a module loaded at run time has no compiler to insist on them.
    if (!Array.isArray(operation.outputFields)) throw new Error(`app ${app.key}: ${operation.key} declares no outputFields`);
  }
  return app;
}

export function findAction(app: AppDefinition, key: string): ActionDefinition | undefined {
  return app.actions.find((action) => action.key === key);
}

export function findTrigger(app: AppDefinition, key: string): TriggerDefinition | undefined {
  return app.triggers.find((trigger) => trigger.key === key);
}
