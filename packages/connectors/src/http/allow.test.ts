// Tests of parsing and matching the OUTBOUND_ALLOW list.
import { describe, expect, test } from 'vitest';
import { matchAllow, parseOutboundAllow } from './allow.ts';
import { parseIp, type Ip } from './ip.ts';

function ip(text: string): Ip {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`test address ${text} did not parse`);
  return parsed;
}

describe('parseOutboundAllow', () => {
  test('reads CIDRs, bare addresses, hosts and host:port pairs, skipping blanks', () => {
    const entries = parseOutboundAllow(' 127.0.0.1:4101, 10.0.0.0/8,fake.local,localhost:9999,,fd00::/8,[::1]:4102,192.168.1.5 ');
    expect(entries.map((entry) => entry.kind)).toEqual(['endpoint', 'cidr', 'host', 'host', 'cidr', 'endpoint', 'cidr']);
    expect(entries[2]).toMatchObject({ host: 'fake.local' });
    expect(entries[3]).toMatchObject({ host: 'localhost', port: 9999 });
  });

  test('an empty or missing setting allows nothing extra', () => {
    expect(parseOutboundAllow(undefined)).toEqual([]);
    expect(parseOutboundAllow('')).toEqual([]);
  });

  test.each(['10.0.0.0/33', '10.0.0.0/x', 'host:0', 'host:99999', 'bad host', 'http://x', '[::1', '1.2.3.4/8/9'])(
    'a malformed entry "%s" stops start-up with a message naming it',
    (entry) => {
      expect(() => parseOutboundAllow(entry)).toThrow(entry);
    },
  );
});

describe('matchAllow', () => {
  const allow = parseOutboundAllow('127.0.0.1:4101,10.0.0.0/8,fake.local,localhost:9999');

  test('an address:port entry allows that address on that port only', () => {
    expect(matchAllow(allow, { hostname: '127.0.0.1', ip: ip('127.0.0.1'), port: 4101 })).toBeDefined();
    expect(matchAllow(allow, { hostname: '127.0.0.1', ip: ip('127.0.0.1'), port: 5432 })).toBeUndefined();
    expect(matchAllow(allow, { hostname: '127.0.0.2', ip: ip('127.0.0.2'), port: 4101 })).toBeUndefined();
  });

  test('the IPv4-mapped form of an allowed endpoint is the same endpoint', () => {
    expect(matchAllow(allow, { hostname: '::ffff:127.0.0.1', ip: ip('::ffff:127.0.0.1'), port: 4101 })).toBeDefined();
  });

  test('a CIDR allows every address it contains on any port', () => {
    expect(matchAllow(allow, { hostname: '10.9.8.7', ip: ip('10.9.8.7'), port: 1 })).toBeDefined();
    expect(matchAllow(allow, { hostname: '11.0.0.1', ip: ip('11.0.0.1'), port: 1 })).toBeUndefined();
  });

  test('a host entry matches the URL hostname exactly, and host:port also the port', () => {
    expect(matchAllow(allow, { hostname: 'fake.local', ip: ip('192.168.0.9'), port: 80 })).toBeDefined();
    expect(matchAllow(allow, { hostname: 'evil.fake.local', ip: ip('192.168.0.9'), port: 80 })).toBeUndefined();
    expect(matchAllow(allow, { hostname: 'localhost', ip: ip('127.0.0.1'), port: 9999 })).toBeDefined();
    expect(matchAllow(allow, { hostname: 'localhost', ip: ip('127.0.0.1'), port: 5432 })).toBeUndefined();
    expect(matchAllow(allow, { hostname: '127.0.0.1', ip: ip('127.0.0.1'), port: 9999 })).toBeUndefined();
  });
});
