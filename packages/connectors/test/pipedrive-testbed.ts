// Test support for the Pipedrive connector: a fake Pipedrive, a loopback-only guarded client and a connection to the fake.
import { loopbackOnlyConnector, startLocalServer, type LocalServer, type ReceivedRequest } from '@switchyard/testing';
import { startPipedriveFake, type PipedriveFake, type PipedriveFakeOptions } from '@switchyard/testing/fakes/pipedrive';
import { createHttpClient, type HttpClient } from '../src/http/client.ts';
import type { IncomingRequest } from '../src/kit/define.ts';

export interface Testbed {
  fake: PipedriveFake;
  client: HttpClient;
  /** Credentials of a connection to the fake. */
  auth: { apiToken: string; baseUrl: string };
  close(): Promise<void>;
}

export async function startTestbed(options: PipedriveFakeOptions = {}): Promise<Testbed> {
  const fake = await startPipedriveFake(options);
  // Tiny retry delays: a 429 without Retry-After is retried after milliseconds, not seconds.
  const client = createHttpClient({ allow: `127.0.0.1:${fake.port}`, baseConnector: loopbackOnlyConnector(), retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  return {
    fake,
    client,
    auth: { apiToken: fake.token, baseUrl: fake.origin },
    close: async () => {
      await client.close();
      await fake.close();
    },
  };
}

/** A receiver for webhook deliveries (the platform's hook URL in production). */
export function startReceiver(): Promise<LocalServer> {
  return startLocalServer((_request, response) => {
    response.statusCode = 200;
    response.end('ok');
  });
}

/** A delivery as the platform's intake hands it to receive(). */
export function incoming(request: ReceivedRequest): IncomingRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return { method: request.method, headers, query: {}, body: request.body ? (JSON.parse(request.body) as unknown) : null, rawBody: request.body };
}
