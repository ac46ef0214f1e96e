// Test support shared by the connector tests: an app's fake service, a guarded client that may reach only that fake
// (on loopback) and a connection to it, started around a file's tests; and the small helpers the tests share to run
// an action, catch the StepFailure it ends with, receive a service's webhook deliveries and hand them to receive().
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { loopbackOnlyConnector, startLocalServer, type LocalServer, type ReceivedRequest } from '@switchyard/testing';
import { createHttpClient, type HttpClient } from '../src/http/client.ts';
import { StepFailure } from '../src/http/errors.ts';
import { findAction, type ActionDefinition, type AppDefinition, type Credentials, type IncomingRequest } from '../src/kit/define.ts';
import { performAction, type ActionResult } from '../src/kit/perform.ts';

/** What a testbed needs of a fake: where it listens, what it received, and how to stop it. */
interface FakeService {
  port: number;
  requests: unknown[];
  close(): Promise<void>;
}

export interface ConnectorTestbed<Fake extends FakeService = FakeService, Auth extends Credentials = Credentials> {
  fake: Fake;
  client: HttpClient;
  /** Credentials of a connection to the fake. */
  auth: Auth;
  /** Runs the app's action `key` over this connection; each call has its own idempotency key. */
  perform(key: string, input: unknown): Promise<ActionResult>;
  close(): Promise<void>;
}

export async function startConnectorTestbed<Fake extends FakeService, Auth extends Credentials>(
  app: AppDefinition,
  startFake: () => Promise<Fake>,
  credentials: (fake: Fake) => Auth,
): Promise<ConnectorTestbed<Fake, Auth>> {
  const fake = await startFake();
  // Tiny retry delays: a retried 429 waits milliseconds, not seconds.
  const client = createHttpClient({ allow: `127.0.0.1:${fake.port}`, baseConnector: loopbackOnlyConnector(), retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  const auth = credentials(fake);
  let run = 0;
  const perform = (key: string, input: unknown) => performAction(actionOf(app, key), { input, auth, client, idempotencyKey: `run:${++run}` });
  const close = async () => {
    await client.close();
    await fake.close();
  };
  return { fake, client, auth, perform, close };
}

/**
 * Starts a testbed before the file's tests (before each test with `each`), hands it to `use`, and closes it after
 * them. With `clearRequests` every test starts with an empty request log on the fake.
 */
export function useConnectorTestbed<Bed extends { fake: { requests: unknown[] }; close(): Promise<void> }>(
  start: () => Promise<Bed>,
  use: (bed: Bed) => void,
  options: { each?: boolean; clearRequests?: boolean } = {},
): void {
  let bed: Bed | undefined;
  const before = options.each ? beforeEach : beforeAll;
  const after = options.each ? afterEach : afterAll;
  before(async () => {
    bed = await start();
    use(bed);
  });
  after(async () => {
    await bed?.close();
  });
  if (options.clearRequests) {
    beforeEach(() => {
      if (bed) bed.fake.requests.length = 0;
    });
  }
}

/** The app's action `key`; a key the app does not have fails the test. */
export function actionOf(app: AppDefinition, key: string): ActionDefinition {
  const found = findAction(app, key);
  if (!found) throw new Error(`no action ${key}`);
  return found;
}

/** The StepFailure a promise rejects with; resolving, or rejecting with anything else, fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<StepFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StepFailure);
  return error as StepFailure;
}

/** A loopback server that answers every request 200 "ok": the platform's hook URL, for a fake that delivers webhooks. */
export function startReceiver(): Promise<LocalServer> {
  return startLocalServer((_request, response) => {
    response.statusCode = 200;
    response.end('ok');
  });
}

/** A request that reached a hook URL, as the platform hands it to receive(): the body parsed when it is JSON, null when empty. */
export function incomingRequest(request: ReceivedRequest): IncomingRequest {
  let body: unknown = null;
  try {
    body = request.body ? (JSON.parse(request.body) as unknown) : null;
  } catch {
    body = request.body;
  }
  return {
    method: request.method,
    headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
    query: {},
    body,
    rawBody: request.body,
  };
}
