// The OUTBOUND_ALLOW list: explicit exceptions that let development and tests reach loopback fake servers.
import { canonicalIp, cidrContains, ipEquals, parseIp, parseIpv4, parseIpv6, type Cidr, type Ip } from './ip.ts';

export type AllowEntry =
  /** Any port on any address inside the range. A bare IP is a /32 or /128. */
  | { readonly kind: 'cidr'; readonly text: string; readonly cidr: Cidr }
  /** That address and that port only. */
  | { readonly kind: 'endpoint'; readonly text: string; readonly ip: Ip; readonly port: number }
  /** A URL whose hostname is exactly this name, on any port or on the one given. */
  | { readonly kind: 'host'; readonly text: string; readonly host: string; readonly port?: number };

export type OutboundAllow = readonly AllowEntry[];

function parsePort(text: string, entry: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new Error(`OUTBOUND_ALLOW entry "${entry}" has an invalid port "${text}"`);
  return port;
}

export function normaliseHostname(hostname: string): string {
  let host = hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

function parseEntry(entry: string): AllowEntry {
  if (entry.includes('/')) {
    const [address = '', prefixText = '', ...extra] = entry.split('/');
    const network = parseIp(address);
    const max = network?.version === 4 ? 32 : 128;
    const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!network || extra.length > 0 || !(prefix >= 0 && prefix <= max)) {
      throw new Error(`OUTBOUND_ALLOW entry "${entry}" is not a valid CIDR (like 10.0.0.0/8 or fd00::/8)`);
    }
    return { kind: 'cidr', text: entry, cidr: { network, prefix } };
  }

  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(entry);
  if (bracketed) {
    const ip = parseIpv6(bracketed[1] ?? '');
    if (!ip) throw new Error(`OUTBOUND_ALLOW entry "${entry}" is not a valid IPv6 address`);
    if (bracketed[2] === undefined) return { kind: 'cidr', text: entry, cidr: { network: ip, prefix: 128 } };
    return { kind: 'endpoint', text: entry, ip: canonicalIp(ip), port: parsePort(bracketed[2], entry) };
  }

  const ip = parseIp(entry);
  if (ip) {
    const canonical = canonicalIp(ip);
    return { kind: 'cidr', text: entry, cidr: { network: canonical, prefix: canonical.version === 4 ? 32 : 128 } };
  }

  const colon = entry.lastIndexOf(':');
  const host = colon === -1 ? entry : entry.slice(0, colon);
  const port = colon === -1 ? undefined : parsePort(entry.slice(colon + 1), entry);
  const v4 = parseIpv4(host);
  if (v4 && port !== undefined) return { kind: 'endpoint', text: entry, ip: v4, port };
  if (!/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/i.test(host)) {
    throw new Error(`OUTBOUND_ALLOW entry "${entry}" is not a CIDR, host or host:port`);
  }
  return port === undefined ? { kind: 'host', text: entry, host: normaliseHostname(host) } : { kind: 'host', text: entry, host: normaliseHostname(host), port };
}

/**
 * Parses a comma-separated OUTBOUND_ALLOW value ("127.0.0.1:4101,10.0.0.0/8,fake.local,localhost:9999").
 * Throws on a malformed entry so that a bad setting stops start-up instead of silently allowing less or more.
 */
export function parseOutboundAllow(value: string | undefined): OutboundAllow {
  if (!value) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map(parseEntry);
}

export interface Destination {
  /** The URL's hostname, normalised (lowercase, no brackets, no trailing dot). */
  readonly hostname: string;
  readonly ip: Ip;
  readonly port: number;
}

/** The allow entry that lets this destination through, if any. */
export function matchAllow(allow: OutboundAllow, destination: Destination): AllowEntry | undefined {
  const ip = canonicalIp(destination.ip);
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch returns for every kind of entry, which the `boolean` return type makes the compiler check.
  return allow.find((entry): boolean => {
    switch (entry.kind) {
      case 'cidr':
        return cidrContains(entry.cidr, ip);
      case 'endpoint':
        return entry.port === destination.port && ipEquals(entry.ip, ip);
      case 'host':
        return entry.host === destination.hostname && (entry.port === undefined || entry.port === destination.port);
    }
  });
}
