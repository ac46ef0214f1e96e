// IP address parsing and the classification of addresses that outbound requests must never reach.

export interface Ip {
  readonly version: 4 | 6;
  /** 4 bytes for IPv4, 16 for IPv6. */
  readonly bytes: Uint8Array;
}

export type BlockedReason =
  | 'loopback'
  | 'private'
  | 'carrier-grade-nat'
  | 'link-local'
  | 'unique-local'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved';

export type IpClass =
  | { readonly blocked: false }
  | { readonly blocked: true; readonly reason: BlockedReason /** the IPv4 address an IPv6 form embeds */; readonly embedded?: Ip };

const reasonText: Record<BlockedReason, string> = {
  loopback: 'loopback addresses are not allowed',
  private: 'private network addresses are not allowed',
  'carrier-grade-nat': 'carrier-grade NAT (shared) addresses are not allowed',
  'link-local': 'link-local addresses (including cloud metadata) are not allowed',
  'unique-local': 'unique local (private IPv6) addresses are not allowed',
  unspecified: 'unspecified addresses are not allowed',
  multicast: 'multicast addresses are not allowed',
  broadcast: 'broadcast addresses are not allowed',
  reserved: 'reserved or special-purpose addresses are not allowed',
};

export function describeReason(reason: BlockedReason): string {
  return reasonText[reason];
}

export function parseIpv4(text: string): Ip | undefined {
  // Strict dotted-decimal only: the WHATWG URL parser has already turned 0x7f000001 or 2130706433
  // into this form, and anything else here is not an address we should guess at.
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i] ?? '';
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part.startsWith('0'))) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes[i] = value;
  }
  return { version: 4, bytes };
}

export function parseIpv6(input: string): Ip | undefined {
  let text = input;
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone !== -1) text = text.slice(0, zone);
  if (!text.includes(':')) return undefined;

  // An embedded dotted IPv4 tail (::ffff:127.0.0.1) stands for the last two groups.
  const lastColon = text.lastIndexOf(':');
  const maybeV4 = text.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    const v4 = parseIpv4(maybeV4);
    if (!v4) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = v4.bytes;
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }

  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parseGroups = (part: string | undefined): number[] | undefined => {
    if (part === undefined || part === '') return [];
    const groups: number[] = [];
    for (const group of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
      groups.push(parseInt(group, 16));
    }
    return groups;
  };
  const groupsHead = parseGroups(halves[0]);
  const groupsRest = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (!groupsHead || !groupsRest) return undefined;

  const total = groupsHead.length + groupsRest.length;
  if (halves.length === 2 ? total > 7 : total !== 8) return undefined;
  const groups = [...groupsHead, ...new Array<number>(8 - total).fill(0), ...groupsRest];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return { version: 6, bytes };
}

export function parseIp(text: string): Ip | undefined {
  return parseIpv4(text) ?? parseIpv6(text);
}

export function formatIp(ip: Ip): string {
  if (ip.version === 4) return Array.from(ip.bytes).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip.bytes[i] ?? 0) << 8) | (ip.bytes[i + 1] ?? 0));
  // IPv4-mapped addresses read best with their IPv4 part dotted, as people write them.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${Array.from(ip.bytes.slice(12)).join('.')}`;
  }
  // RFC 5952: compress the longest run (length >= 2) of zero groups.
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** The address with its port, bracketed for IPv6, as it would appear in a URL. */
export function formatEndpoint(ip: Ip, port: number): string {
  return ip.version === 6 ? `[${formatIp(ip)}]:${port}` : `${formatIp(ip)}:${port}`;
}

export function ipEquals(a: Ip, b: Ip): boolean {
  return a.version === b.version && a.bytes.every((byte, i) => byte === b.bytes[i]);
}

export interface Cidr {
  readonly network: Ip;
  readonly prefix: number;
}

export function cidrContains(cidr: Cidr, ip: Ip): boolean {
  if (cidr.network.version !== ip.version) return false;
  let bits = cidr.prefix;
  for (let i = 0; i < ip.bytes.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((ip.bytes[i] ?? 0) & mask) !== ((cidr.network.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

function cidr(text: string): Cidr {
  const [address, prefix] = text.split('/');
  const network = parseIp(address ?? '');
  if (!network) throw new Error(`bad built-in CIDR ${text}`);
  return { network, prefix: Number(prefix) };
}

const ipv4Blocks: Array<[Cidr, BlockedReason]> = [
  [cidr('255.255.255.255/32'), 'broadcast'],
  [cidr('0.0.0.0/8'), 'unspecified'],
  [cidr('10.0.0.0/8'), 'private'],
  [cidr('100.64.0.0/10'), 'carrier-grade-nat'],
  [cidr('127.0.0.0/8'), 'loopback'],
  [cidr('169.254.0.0/16'), 'link-local'],
  [cidr('172.16.0.0/12'), 'private'],
  [cidr('192.0.0.0/24'), 'reserved'],
  [cidr('192.0.2.0/24'), 'reserved'],
  [cidr('192.88.99.0/24'), 'reserved'],
  [cidr('192.168.0.0/16'), 'private'],
  [cidr('198.18.0.0/15'), 'reserved'],
  [cidr('198.51.100.0/24'), 'reserved'],
  [cidr('203.0.113.0/24'), 'reserved'],
  [cidr('224.0.0.0/4'), 'multicast'],
  [cidr('240.0.0.0/4'), 'reserved'],
];

const unspecified6 = cidr('::/128');
const loopback6 = cidr('::1/128');

const ipv6Blocks: Array<[Cidr, BlockedReason]> = [
  [unspecified6, 'unspecified'],
  [loopback6, 'loopback'],
  [cidr('64:ff9b:1::/48'), 'reserved'],
  [cidr('100::/64'), 'reserved'],
  [cidr('2001::/23'), 'reserved'],
  [cidr('2001:db8::/32'), 'reserved'],
  [cidr('fc00::/7'), 'unique-local'],
  [cidr('fe80::/10'), 'link-local'],
  [cidr('fec0::/10'), 'private'],
  [cidr('ff00::/8'), 'multicast'],
];

const globalUnicast = cidr('2000::/3');
const mapped = cidr('::ffff:0:0/96');
const compatible = cidr('::/96');
const nat64 = cidr('64:ff9b::/96');
const sixToFour = cidr('2002::/16');

/**
 * The IPv4 address that an IPv6 form routes to: IPv4-mapped, IPv4-compatible, NAT64 and 6to4.
 * These are checked by what they embed, so ::ffff:127.0.0.1 is loopback.
 */
export function embeddedIpv4(ip: Ip): Ip | undefined {
  if (ip.version !== 6) return undefined;
  if (cidrContains(mapped, ip) || cidrContains(nat64, ip)) return { version: 4, bytes: ip.bytes.slice(12) };
  if (cidrContains(compatible, ip) && !cidrContains(unspecified6, ip) && !cidrContains(loopback6, ip)) {
    return { version: 4, bytes: ip.bytes.slice(12) };
  }
  if (cidrContains(sixToFour, ip)) return { version: 4, bytes: ip.bytes.slice(2, 6) };
  return undefined;
}

/** The form allow-list matching uses: IPv4-mapped IPv6 becomes the IPv4 address it reaches. */
export function canonicalIp(ip: Ip): Ip {
  if (ip.version === 6 && cidrContains(mapped, ip)) return { version: 4, bytes: ip.bytes.slice(12) };
  return ip;
}

export function classifyIp(ip: Ip): IpClass {
  if (ip.version === 4) {
    for (const [range, reason] of ipv4Blocks) if (cidrContains(range, ip)) return { blocked: true, reason };
    return { blocked: false };
  }
  for (const [range, reason] of ipv6Blocks) if (cidrContains(range, ip)) return { blocked: true, reason };
  const embedded = embeddedIpv4(ip);
  if (embedded) {
    const inner = classifyIp(embedded);
    return inner.blocked ? { blocked: true, reason: inner.reason, embedded } : inner;
  }
  // Everything outside global unicast is unassigned or special; nothing legitimate lives there.
  if (!cidrContains(globalUnicast, ip)) return { blocked: true, reason: 'reserved' };
  return { blocked: false };
}
