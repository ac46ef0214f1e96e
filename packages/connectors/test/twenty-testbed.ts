// Test support for the Twenty connector: a fake Twenty, a loopback-only guarded client, and how deliveries reach receive().
import { loopbackOnlyConnector, type ReceivedRequest } from '@switchyard/testing';
import { startTwentyFake, type TwentyFake, type TwentyFakeOptions } from '@switchyard/testing/fakes/twenty';
import { createHttpClient, type HttpClient } from '../src/http/client.ts';
import { StepFailure } from '../src/http/errors.ts';
import type { IncomingRequest } from '../src/kit/define.ts';

export interface Testbed {
  fake: TwentyFake;
  client: HttpClient;
  /** Credentials of a connection to the fake. */
  auth: { baseUrl: string; apiKey: string };
  close(): Promise<void>;
}

export async function startTestbed(options: TwentyFakeOptions = {}): Promise<Testbed> {
  const fake = await startTwentyFake(options);
  // Tiny retry delays: a 429 without Retry-After (Twenty sends none) is retried after milliseconds, not seconds.
  const client = createHttpClient({ allow: `127.0.0.1:${fake.port}`, baseConnector: loopbackOnlyConnector(), retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  return {
    fake,
    client,
    auth: { baseUrl: fake.origin, apiKey: fake.token },
    close: async () => {
      await client.close();
      await fake.close();
    },
  };
}

/** The StepFailure a promise rejects with (anything else fails the test). */
export async function failure(promise: Promise<unknown>): Promise<StepFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StepFailure)) throw new Error(`expected a StepFailure, got ${String(error)}`);
  return error;
}

/** A delivery as the platform's intake hands it to receive(): lower-case headers, the parsed body and the raw text. */
export function incoming(request: ReceivedRequest): IncomingRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return { method: request.method, headers, query: {}, body: request.body ? (JSON.parse(request.body) as unknown) : null, rawBody: request.body };
}
