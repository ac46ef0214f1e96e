// Tests of IP parsing and of which addresses the guard treats as blocked.
import { describe, expect, test } from 'vitest';
import { classifyIp, formatIp, parseIp, type Ip } from './ip.ts';

function ip(text: string): Ip {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`test address ${text} did not parse`);
  return parsed;
}

describe('parseIp', () => {
  test('reads dotted IPv4 and every IPv6 spelling, including brackets and an embedded IPv4 tail', () => {
    expect(formatIp(ip('127.0.0.1'))).toBe('127.0.0.1');
    expect(formatIp(ip('::1'))).toBe('::1');
    expect(formatIp(ip('[::1]'))).toBe('::1');
    expect(formatIp(ip('2001:0DB8:0000:0000:0000:0000:0000:0001'))).toBe('2001:db8::1');
    expect(formatIp(ip('fe80::1%eth0'))).toBe('fe80::1');
    expect(formatIp(ip('::ffff:127.0.0.1'))).toBe('::ffff:127.0.0.1');
    expect(formatIp(ip('::ffff:7f00:1'))).toBe('::ffff:127.0.0.1');
    expect(formatIp(ip('64:ff9b::10.0.0.1'))).toBe('64:ff9b::a00:1');
    expect(formatIp(ip('1:2:3:4:5:6:7:8'))).toBe('1:2:3:4:5:6:7:8');
    expect(formatIp(ip('1::'))).toBe('1::');
  });

  test('rejects anything that is not exactly an address', () => {
    for (const text of [
      '1.2.3',
      '1.2.3.4.5',
      '01.2.3.4',
      '256.0.0.1',
      '1:2:3:4:5:6:7:8:9',
      ':::',
      '1::2::3',
      'g::1',
      'localhost',
      '',
      '0x7f000001',
      '2130706433',
    ]) {
      expect(parseIp(text), text).toBeUndefined();
    }
  });
});

describe('classifyIp', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade-nat'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    ['4000::1', 'reserved'],
  ])('%s is refused as %s', (address, reason) => {
    expect(classifyIp(ip(address))).toMatchObject({ blocked: true, reason });
  });

  test.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8', '2002:808:808::1'])(
    'public address %s is allowed',
    (address) => {
      expect(classifyIp(ip(address))).toEqual({ blocked: false });
    },
  );

  test('an IPv6 form of a blocked IPv4 address names the address it embeds', () => {
    const verdict = classifyIp(ip('::ffff:10.0.0.1'));
    expect(verdict.blocked && verdict.embedded && formatIp(verdict.embedded)).toBe('10.0.0.1');
  });
});
