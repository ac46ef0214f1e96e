import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup, startTestApi, type TestApi } from '../../test/harness.ts';

let api: TestApi;
let port: number;
let hookPath: string;
let workspaceId: string;

beforeAll(async () => {
  api = await startTestApi({
    HTTP_BODY_IDLE_TIMEOUT_MS: '1000',
    HTTP_HEADERS_TIMEOUT_MS: '1000',
    HOOK_NOT_FOUND_PER_MINUTE: '3',
    HOOK_RATE_PER_SECOND: '1000',
  });
  const owner = await signup(api.app, 'guards');
  workspaceId = owner.workspace.id;
  const zaps = `/api/v1/workspaces/${workspaceId}/zaps`;
  const zap = await owner.caller.post(zaps, { name: 'guarded', trigger: { app: 'webhooks', event: 'catch_hook' }, steps: [] });
  await owner.caller.post(`${zaps}/${zap.body.id}/publish`);
  hookPath = new URL(zap.body.hookUrl).pathname;
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  port = (api.app.server.address() as AddressInfo).port;
});
afterAll(() => api.close());

/** A raw connection that sends a request head promising `contentLength` bytes, then only what the test writes. */
function openRequest(path: string, contentLength: number) {
  return openConnection(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${contentLength}\r\n\r\n`);
}

/** A raw connection that has sent `start` and then only what the test writes. */
function openConnection(start: string) {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  // The server may reset a connection whose body it refused to read; the answer was already received.
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
  socket.write(start);
  return {
    socket,
    received: () => received,
    /** When the server closed the connection, or null if it was still open after `ms`. */
    closedWithin: (ms: number) => Promise.race([closed, sleep(ms).then(() => null)]),
  };
}

describe('hook requests answered before their body', () => {
  it('answers an unknown key with 404 before the client has sent its 10 MB body, and closes the connection', async () => {
    const started = Date.now();
    const request = openRequest(`/hooks/catch/${workspaceId}/no-such-key`, 10 * 1024 * 1024);
    request.socket.write(Buffer.alloc(64 * 1024, 'x'));
    const closedAt = await request.closedWithin(3_000);
    request.socket.destroy();
    expect(request.received()).toMatch(/^HTTP\/1\.1 404 /);
    expect(request.received().toLowerCase()).toContain('connection: close');
    expect(request.received()).toContain('hook_not_found');
    expect(closedAt, 'the server closed the connection').not.toBeNull();
    expect(closedAt! - started).toBeLessThan(3_000);
  });

  it('answers 429 with Retry-After once one address has had too many 404s; other addresses and real hooks are unaffected', async () => {
    const unknown = (remoteAddress: string) =>
      api.app.inject({ method: 'POST', url: `/hooks/catch/${workspaceId}/guess-${remoteAddress}`, remoteAddress, payload: {} });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await unknown('192.0.2.10')).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    const refused = await unknown('192.0.2.10');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.json().error.code).toBe('rate_limited');
    expect((await unknown('192.0.2.11')).statusCode).toBe(404);
    const real = await api.app.inject({ method: 'POST', url: hookPath, remoteAddress: '192.0.2.10', payload: { ok: true } });
    expect(real.statusCode).toBe(200);
  });
});

describe('slow requests', () => {
  it('answers 408 and closes a connection whose headers stop arriving within the headers timeout', async () => {
    const started = Date.now();
    const request = openConnection(`POST ${hookPath} HTTP/1.1\r\nHost: localhost\r\n`);
    const closedAt = await request.closedWithin(5_000);
    request.socket.destroy();
    expect(request.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAt, 'the server closed the connection').not.toBeNull();
    expect(closedAt! - started).toBeLessThan(3_000);
  });

  it('closes a connection whose body stops arriving within the idle timeout', async () => {
    const started = Date.now();
    const request = openRequest(hookPath, 100_000);
    request.socket.write('{"a":');
    const closedAt = await request.closedWithin(5_000);
    request.socket.destroy();
    expect(closedAt, 'the server closed the stalled connection').not.toBeNull();
    expect(closedAt! - started).toBeLessThan(3_000);
  });

  it('accepts a body that arrives slowly but steadily, for longer than the idle timeout', async () => {
    const body = JSON.stringify({ text: 'y'.repeat(99_990) });
    const request = openRequest(hookPath, Buffer.byteLength(body));
    for (let offset = 0; offset < body.length; offset += 10_000) {
      request.socket.write(body.slice(offset, offset + 10_000));
      await sleep(300);
    }
    await request.closedWithin(1_000);
    request.socket.destroy();
    expect(request.received()).toMatch(/^HTTP\/1\.1 200 /);
  });
});
