// The SSRF guard: decides which addresses a request may reach and makes sockets connect only to those.
import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import type { buildConnector } from 'undici';
import { matchAllow, normaliseHostname, type OutboundAllow } from './allow.ts';
import { StepFailure } from './errors.ts';
import { classifyIp, describeReason, formatEndpoint, formatIp, parseIp, type Ip } from './ip.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a hostname to every address it has. Injected in tests so that no real DNS is asked. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

export interface OutboundGuard {
  /** Refuses schemes other than http/https and literal addresses that are blocked, before any I/O. */
  checkUrl(url: URL): void;
  /**
   * Resolves the hostname and returns the addresses this request may connect to, in resolver order.
   * Throws a permanent StepFailure naming the blocked address when none may be used.
   */
  permittedAddresses(hostname: string, port: number): Promise<Ip[]>;
  /** Wraps an undici connector so every new socket goes to an address that was just checked. */
  connector(base: buildConnector.connector): buildConnector.connector;
}

export function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

function refusal(hostname: string, ip: Ip, port: number, reason: string): StepFailure {
  const endpoint = formatEndpoint(ip, port);
  const target = parseIp(hostname) ? endpoint : `${hostname} (${endpoint})`;
  return new StepFailure(`Refused to connect to ${target}: ${reason} (OUTBOUND_ALLOW)`, {
    transient: false,
    code: 'OUTBOUND_REFUSED',
  });
}

export function createOutboundGuard(options: { allow: OutboundAllow; resolve?: Resolver }): OutboundGuard {
  const { allow } = options;
  const resolve = options.resolve ?? systemResolver;

  /** The reason this address is refused, or undefined when it may be reached. */
  function refusalReason(hostname: string, ip: Ip, port: number): string | undefined {
    const verdict = classifyIp(ip);
    if (!verdict.blocked) return undefined;
    if (matchAllow(allow, { hostname, ip, port })) return undefined;
    const embedded = verdict.embedded ? ` (it embeds ${formatIp(verdict.embedded)})` : '';
    return `${describeReason(verdict.reason)}${embedded}`;
  }

  function checkUrl(url: URL): void {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new StepFailure(`Refused to request ${url.protocol}// URLs: only http and https are allowed`, {
        transient: false,
        code: 'OUTBOUND_REFUSED',
      });
    }
    const hostname = normaliseHostname(url.hostname);
    const literal = parseIp(hostname);
    if (!literal) return;
    const port = url.port ? Number(url.port) : defaultPort(url.protocol);
    const reason = refusalReason(hostname, literal, port);
    if (reason) throw refusal(hostname, literal, port, reason);
  }

  async function permittedAddresses(rawHostname: string, port: number): Promise<Ip[]> {
    const hostname = normaliseHostname(rawHostname);
    const literal = parseIp(hostname);
    let candidates: Ip[];
    if (literal) {
      // net.connect never calls a lookup for a literal address, so it is checked here, not in DNS.
      candidates = [literal];
    } else {
      let answers: ResolvedAddress[];
      try {
        answers = await resolve(hostname);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        const notFound = code === 'ENOTFOUND' || code === 'ENODATA';
        throw new StepFailure(`Could not resolve host ${hostname}${typeof code === 'string' ? ` (${code})` : ''}`, {
          transient: !notFound,
          code: 'DNS',
          cause: error,
        });
      }
      candidates = answers.flatMap((answer) => {
        const ip = parseIp(answer.address);
        return ip ? [ip] : [];
      });
      if (candidates.length === 0) {
        throw new StepFailure(`Could not resolve host ${hostname}: no addresses`, { transient: false, code: 'DNS' });
      }
    }
    const permitted = candidates.filter((ip) => refusalReason(hostname, ip, port) === undefined);
    if (permitted.length > 0) return permitted;
    const first = candidates[0] as Ip;
    throw refusal(hostname, first, port, refusalReason(hostname, first, port) ?? 'not allowed');
  }

  function connector(base: buildConnector.connector): buildConnector.connector {
    return (connectOptions, callback) => {
      const port = Number(connectOptions.port) || defaultPort(connectOptions.protocol);
      const hostname = connectOptions.hostname;
      permittedAddresses(hostname, port).then(
        (addresses) => {
          // TLS must still verify the certificate against the name, not the address we dial.
          const servername = connectOptions.protocol === 'https:' && !isIP(hostname) ? (connectOptions.servername ?? hostname) : undefined;
          const attempt = (index: number): void => {
            const address = addresses[index] as Ip;
            const dial: buildConnector.Options = { ...connectOptions, hostname: formatIp(address) };
            if (servername) dial.servername = servername;
            base(dial, (...result) => {
              const [error] = result;
              if (error && index + 1 < addresses.length) {
                attempt(index + 1);
                return;
              }
              callback(...result);
            });
          };
          attempt(0);
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
      );
    };
  }

  return { checkUrl, permittedAddresses, connector };
}
