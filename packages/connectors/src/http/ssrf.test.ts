// The SSRF matrix: every way of naming a private address is refused, the allowed test port is reachable.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loopbackOnlyConnector, startLocalServer, type LocalServer } from '@switchyard/testing';
import { createHttpClient, type HttpClient } from './client.ts';
import { StepFailure } from './errors.ts';
import { createOutboundGuard, type Resolver } from './guard.ts';
import { parseOutboundAllow } from './allow.ts';

// Every address below that is not loopback is refused before any socket exists; the loopback-only
// connector is a second net that would fail the test rather than let a packet leave the machine.

const fakeDns: Record<string, string[]> = {
  'db.internal.example': ['10.1.2.3'],
  'metadata.example': ['169.254.169.254'],
  'mixed.example': ['10.0.0.7', '127.0.0.1'],
  'v6private.example': ['fd00::5'],
  'loopback.example': ['127.0.0.1'],
  localhost: ['::1', '127.0.0.1'],
};

const resolve: Resolver = async (hostname) => {
  const answers = fakeDns[hostname];
  if (!answers) throw Object.assign(new Error(`queryA ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

async function refusal(promise: Promise<unknown>): Promise<StepFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StepFailure)) throw new Error(`expected a StepFailure, got ${String(error)}`);
  return error;
}

let allowed: LocalServer;
let redirector: LocalServer;
let client: HttpClient;
const dialled: string[] = [];

beforeAll(async () => {
  allowed = await startLocalServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ hello: 'from the allowed server' }));
  });
  redirector = await startLocalServer((request, response) => {
    const target = new URL(request.url, 'http://x').searchParams.get('to') ?? '/';
    response.statusCode = 302;
    response.setHeader('location', target);
    response.end();
  });
  client = createHttpClient({
    allow: parseOutboundAllow(`127.0.0.1:${allowed.port},127.0.0.1:${redirector.port}`),
    resolve,
    baseConnector: loopbackOnlyConnector(dialled),
    retry: { maxAttempts: 1 },
  });
});

afterAll(async () => {
  await client.close();
  await allowed.close();
  await redirector.close();
});

describe('SSRF matrix for the guarded client', () => {
  test('the allowed fake-server port on 127.0.0.1 is reachable', async () => {
    const response = await client.request({ url: `${allowed.origin}/ping` });
    expect(response.body).toEqual({ hello: 'from the allowed server' });
  });

  test.each([
    ['http://127.0.0.1:5432/', 'Refused to connect to 127.0.0.1:5432: loopback addresses are not allowed (OUTBOUND_ALLOW)'],
    ['http://127.0.0.1:6379/', 'Refused to connect to 127.0.0.1:6379: loopback addresses are not allowed (OUTBOUND_ALLOW)'],
    ['http://2130706433/', 'Refused to connect to 127.0.0.1:80: loopback'],
    ['http://0x7f000001/', 'Refused to connect to 127.0.0.1:80: loopback'],
    ['http://0177.0.0.1/', 'Refused to connect to 127.0.0.1:80: loopback'],
    ['http://127.1/', 'Refused to connect to 127.0.0.1:80: loopback'],
    ['http://[::ffff:127.0.0.1]/', 'Refused to connect to [::ffff:127.0.0.1]:80: loopback addresses are not allowed (it embeds 127.0.0.1)'],
    ['http://[::1]:5432/', 'Refused to connect to [::1]:5432: loopback'],
    ['http://localhost/', 'Refused to connect to localhost ('],
    ['http://0.0.0.0:5432/', 'Refused to connect to 0.0.0.0:5432: unspecified'],
    ['http://169.254.169.254/latest/meta-data/', 'Refused to connect to 169.254.169.254:80: link-local addresses (including cloud metadata)'],
    ['http://10.0.0.1/', 'Refused to connect to 10.0.0.1:80: private network'],
    ['http://192.168.1.1/', 'Refused to connect to 192.168.1.1:80: private network'],
    ['http://172.16.5.4/', 'Refused to connect to 172.16.5.4:80: private network'],
    ['http://100.64.0.1/', 'carrier-grade NAT'],
    ['http://[fd00::1]/', 'Refused to connect to [fd00::1]:80: unique local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://db.internal.example/', 'Refused to connect to db.internal.example (10.1.2.3:80): private network'],
    ['http://metadata.example/', 'Refused to connect to metadata.example (169.254.169.254:80): link-local'],
    ['http://v6private.example/', 'Refused to connect to v6private.example ([fd00::5]:80): unique local'],
    ['http://loopback.example:5432/', 'Refused to connect to loopback.example (127.0.0.1:5432): loopback'],
  ])('%s is refused with a message naming the address', async (url, message) => {
    const failure = await refusal(client.request({ url }));
    expect(failure.message).toContain(message);
    expect(failure).toMatchObject({ transient: false, code: 'OUTBOUND_REFUSED' });
  });

  test.each(['file:///etc/passwd', 'ftp://example.com/', 'gopher://127.0.0.1:6379/_INFO', 'data:text/plain,hi'])(
    'the non-HTTP scheme of %s is refused',
    async (url) => {
      const failure = await refusal(client.request({ url }));
      expect(failure.message).toMatch(/only http and https are allowed/);
    },
  );

  test('a redirect from an allowed server to Postgres on loopback is refused at the hop, and both hops are recorded', async () => {
    const failure = await refusal(client.request({ url: `${redirector.origin}/?to=${encodeURIComponent('http://127.0.0.1:5432/')}` }));
    expect(failure.message).toContain('Refused to connect to 127.0.0.1:5432: loopback');
    expect(failure.requests?.map((r) => [r.status, r.url])).toEqual([
      [302, `${redirector.origin}/?to=${encodeURIComponent('http://127.0.0.1:5432/')}`],
      [null, 'http://127.0.0.1:5432/'],
    ]);
  });

  test.each(['http://169.254.169.254/latest/meta-data/', 'http://metadata.example/', 'http://[::ffff:10.0.0.1]/', 'http://localhost:6379/'])(
    'a public-looking redirect to %s is refused',
    async (target) => {
      const failure = await refusal(client.request({ url: `${redirector.origin}/?to=${encodeURIComponent(target)}` }));
      expect(failure.code).toBe('OUTBOUND_REFUSED');
    },
  );

  test('a host answering both private and allowed addresses is dialled only at the allowed one, by address', async () => {
    dialled.length = 0;
    const response = await client.request({ url: `http://mixed.example:${allowed.port}/` });
    expect(response.status).toBe(200);
    // The socket was opened to the checked literal address, so no second DNS answer could be used.
    expect(dialled).toEqual(['127.0.0.1']);
  });

  test('an unknown host fails as a permanent DNS error', async () => {
    const failure = await refusal(client.request({ url: 'http://nowhere.example/' }));
    expect(failure).toMatchObject({ code: 'DNS', transient: false });
  });

  test('no refused address ever reached the socket layer', () => {
    expect(dialled.every((address) => address === '127.0.0.1')).toBe(true);
  });
});

describe('createOutboundGuard', () => {
  test('resolves names at connect time: an answer that changes to a private address is refused on the next connection', async () => {
    let answer = '127.0.0.1';
    const guard = createOutboundGuard({
      allow: parseOutboundAllow('127.0.0.1:8080'),
      resolve: async () => [{ address: answer, family: 4 }],
    });
    expect((await guard.permittedAddresses('rebind.example', 8080)).length).toBe(1);
    answer = '10.0.0.1';
    await expect(guard.permittedAddresses('rebind.example', 8080)).rejects.toThrow('rebind.example (10.0.0.1:8080): private network');
  });

  test('an allow entry for a host lets every address it resolves to through, on any port', async () => {
    const guard = createOutboundGuard({
      allow: parseOutboundAllow('fake.local'),
      resolve: async () => [{ address: '192.168.7.7', family: 4 }],
    });
    expect(await guard.permittedAddresses('fake.local', 443)).toHaveLength(1);
    await expect(guard.permittedAddresses('other.local', 443)).rejects.toThrow('private network');
  });
});
