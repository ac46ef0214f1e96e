// Runs an action or a poll the way the engine's ports need: validated input, a step-bound client, StepFailure out.
import type { z } from 'zod';
import type { HttpClient, StepHttp } from '../http/client.ts';
import { StepFailure, type RecordedRequest } from '../http/errors.ts';
import type { ActionDefinition, Credentials, Cursor, PollingTriggerDefinition } from './define.ts';

export interface PerformOptions {
  /** The step's input after templates; validated here against the definition's schema. */
  input: unknown;
  auth?: Credentials;
  client: HttpClient;
  signal?: AbortSignal;
  /** More values to redact, beyond the credentials' secret fields. */
  secrets?: Iterable<string>;
  /** The credentials fields that are secret (see secretFieldKeys); without it every credentials string is redacted. */
  secretKeys?: readonly string[];
}

export interface ActionResult {
  output: unknown;
  requests: RecordedRequest[];
  /**
   * Every value the step redacted from its requests (credentials, typed-in secrets, credentials its requests carried by
   * name), so that whoever records the step's output, and the steps after it, can redact them there too.
   */
  secrets: string[];
}

export interface PollResult {
  items: unknown[];
  /** The cursor for the next poll: the trigger's own, or the previous one when it gave none. */
  cursor: Cursor | null;
  requests: RecordedRequest[];
}

/** Field names that are secret whatever the form says, as a safety net for forms that forget to mark them. */
const SECRET_NAME = /token|secret|password|passwd|api[-_]?key|private/i;

/**
 * The strings of the credentials that must never appear in run history: the fields marked secret and any field
 * named like a secret. Without `secretKeys` every string is treated as secret. Non-secret fields (an instance URL,
 * an app id) stay readable.
 */
export function credentialSecrets(auth: Credentials | undefined, secretKeys?: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (typeof value === 'string') found.push(value);
    else if (value !== null && typeof value === 'object' && depth < 16) for (const item of Object.values(value)) walk(item, depth + 1);
  };
  if (!auth) return found;
  if (!secretKeys) {
    walk(auth, 0);
    return found;
  }
  for (const [key, value] of Object.entries(auth)) if (secretKeys.includes(key) || SECRET_NAME.test(key)) walk(value, 0);
  return found;
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, where: string): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new StepFailure(`Invalid input for ${where}: ${formatIssues(parsed.error)}`, { transient: false, code: 'INVALID_INPUT' });
  }
  return parsed.data;
}

/** Anything a perform throws leaves as a StepFailure that carries every request the step made. */
function asStepFailure(error: unknown, http: StepHttp, signal: AbortSignal | undefined): StepFailure {
  const failure =
    error instanceof StepFailure
      ? error
      : signal?.aborted
        ? new StepFailure('The step was cancelled', { transient: true, code: 'ABORTED', cause: error })
        : new StepFailure(error instanceof Error ? error.message : String(error), {
            transient: false,
            code: 'CONNECTOR_ERROR',
            cause: error,
          });
  failure.message = http.redactText(failure.message);
  failure.requests = [...http.requests];
  return failure;
}

export async function performAction(action: ActionDefinition, options: PerformOptions & { idempotencyKey: string }): Promise<ActionResult> {
  const http = options.client.forStep({
    secrets: [...credentialSecrets(options.auth, options.secretKeys), ...(options.secrets ?? [])],
    signal: options.signal,
  });
  try {
    const input = parseInput(action.input, options.input, action.name);
    const output = await action.perform({ input, auth: options.auth, http, idempotencyKey: options.idempotencyKey });
    return { output, requests: [...http.requests], secrets: http.secrets() };
  } catch (error) {
    throw asStepFailure(error, http, options.signal);
  }
}

export async function pollTrigger(trigger: PollingTriggerDefinition, options: PerformOptions & { cursor: Cursor | null }): Promise<PollResult> {
  const http = options.client.forStep({
    secrets: [...credentialSecrets(options.auth, options.secretKeys), ...(options.secrets ?? [])],
    signal: options.signal,
  });
  try {
    const input = parseInput(trigger.input, options.input, trigger.name);
    const outcome = await trigger.perform({ input, auth: options.auth, http, cursor: options.cursor });
    const items = Array.isArray(outcome) ? outcome : outcome.items;
    const cursor = Array.isArray(outcome) || outcome.cursor === undefined ? options.cursor : outcome.cursor;
    return { items, cursor, requests: [...http.requests] };
  } catch (error) {
    throw asStepFailure(error, http, options.signal);
  }
}

/** The key that tells a polled item apart from the ones already seen. */
export function dedupeKeyOf(trigger: PollingTriggerDefinition, item: unknown): string {
  const key = trigger.dedupeKey(item);
  if (typeof key !== 'string' || key === '') {
    throw new StepFailure(`Trigger ${trigger.name} returned an item without an id`, { transient: false, code: 'CONNECTOR_ERROR' });
  }
  return key;
}
