// Redaction and size capping of what run history records: secrets by value, in every form they travel in, and
// credentials by name (credential headers and query parameters, URL passwords) whatever their value.

export const REDACTED = '[REDACTED]';

/** Secrets shorter than this would blank out ordinary text everywhere; such values are not secrets anyway. */
const minSecretLength = 3;
/**
 * A value found only by its name (`sort_key=name`, `X-Auth-Mode: json`) is replaced elsewhere by value from this length
 * on: shorter ones are more likely ordinary words than credentials, and would blank them out of every record.
 */
const minFoundLength = 8;

const sensitiveHeader = /^(authorization|proxy-authorization|cookie|set-cookie)$|api[-_]?key|token|secret|passw|session|signature|credential|auth/i;
const sensitiveQueryParam = /(^|[-_.])(api[-_]?key|key|token|secret|password|passwd|signature|sig|auth|session(id)?)$/i;
const sensitiveField = /^(password|passwd|secret|client_secret|token|access_token|refresh_token|id_token|api[-_]?key|authorization)$/i;

/** An absolute http(s) URL inside any text, up to the first character a URL written in text does not contain. */
const urlInText = /\bhttps?:\/\/[^\s"'<>`]+/gi;

export interface Redactor {
  /** The text with every secret replaced, in each form it may take (see `variants`). */
  text(value: string): string;
  /** Also replaces by name: the password of its userinfo and credential query parameters. */
  url(value: string): string;
  /** Also blanks credential headers, whatever their value. */
  headers(headers: Record<string, string>): Record<string, string>;
  /**
   * A JSON-like value with secrets replaced in every string and key, and credentials blanked by name: credential-named
   * fields, credential headers of a `headers` map, credential parameters of a `query` map, and URLs in any string.
   */
  value(value: unknown): unknown;
  /**
   * A JSON-like value with secrets replaced by value only, in every string and key. For a step's output: later steps
   * (and a resumed run) read it by its field names, so a field is never blanked for its name alone.
   */
  strings(value: unknown): unknown;
}

function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret);
  const padded = bytes.toString('base64');
  return [padded, padded.replace(/=+$/, ''), bytes.toString('base64url')];
}

function variants(secret: string): string[] {
  // A secret can appear encoded in a URL, a form body, a JSON string or base64 (a Basic header a service echoes); each
  // form is replaced.
  const forms = [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    JSON.stringify(secret).slice(1, -1),
    ...base64Forms(secret),
  ];
  return [...new Set(forms)];
}

/** Where a key sits decides which names are credentials: in a header map, a query, or anywhere else. */
type Holder = 'headers' | 'query' | 'fields';

function holderOf(key: string): Holder {
  if (/^headers$/i.test(key)) return 'headers';
  if (/^query$/i.test(key)) return 'query';
  return 'fields';
}

function isCredentialName(name: string, holder: Holder): boolean {
  if (holder === 'headers') return sensitiveHeader.test(name);
  if (holder === 'query') return sensitiveQueryParam.test(name);
  return sensitiveField.test(name);
}

function decode(text: string, plusIsSpace: boolean): string {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return text;
  }
}

/** A `user:password` pair and its password, which a service may echo on their own or base64-encoded. */
function pairForms(user: string, password: string): string[] {
  return password === '' ? [] : [`${user}:${password}`, password];
}

/** A credential's value and, when it is `<scheme> <parameter>`, the parameter; a Basic one's decoded pair besides. */
function credentialForms(value: string): string[] {
  const forms = [value];
  const scheme = /^([A-Za-z][\w-]*) +(\S+)$/.exec(value.trim());
  if (!scheme?.[1] || !scheme[2]) return forms;
  forms.push(scheme[2]);
  if (scheme[1].toLowerCase() !== 'basic' || !/^[A-Za-z0-9+/]+=*$/.test(scheme[2])) return forms;
  const pair = Buffer.from(scheme[2], 'base64').toString('utf8');
  const colon = pair.indexOf(':');
  // Text that is not a pair (or not text) was never a Basic credential worth taking apart.
  if (colon < 0 || [...pair].some((char) => char < ' ' || char === '\ufffd')) return forms;
  return [...forms, ...pairForms(pair.slice(0, colon), pair.slice(colon + 1))];
}

interface Walk {
  /** Replaces secrets by value; the identity when only names count. */
  text: (value: string) => string;
  /** False replaces by value only. */
  byName: boolean;
  /** Values left as they are even under a credential's name (templates, in a draft). */
  keep: (value: string) => boolean;
  /** The credentials replaced by name, in every form they are sent in. */
  found: string[];
}

/** The URL with the password of its userinfo and its credential query parameters replaced; the rest as written. */
function redactUrl(url: string, walk: Walk): string {
  const start = url.indexOf('://') + 3;
  const authorityEnd = url.slice(start).search(/[/?#]/);
  const pathStart = authorityEnd < 0 ? url.length : start + authorityEnd;
  let authority = url.slice(start, pathStart);
  const at = authority.lastIndexOf('@');
  const colon = authority.slice(0, Math.max(at, 0)).indexOf(':');
  const password = at >= 0 && colon >= 0 ? authority.slice(colon + 1, at) : '';
  if (password !== '' && !walk.keep(password)) {
    walk.found.push(...pairForms(decode(authority.slice(0, colon), false), decode(password, false)));
    authority = `${authority.slice(0, colon)}:${REDACTED}${authority.slice(at)}`;
  }
  const rest = url.slice(pathStart);
  const queryStart = rest.search(/[?#]/);
  if (queryStart < 0 || rest[queryStart] === '#') return `${url.slice(0, start)}${authority}${rest}`;
  const fragment = rest.indexOf('#', queryStart);
  const queryEnd = fragment < 0 ? rest.length : fragment;
  const parameters = rest
    .slice(queryStart + 1, queryEnd)
    .split('&')
    .map((parameter) => {
      const equals = parameter.indexOf('=');
      if (equals < 0) return parameter;
      const value = decode(parameter.slice(equals + 1), true);
      if (!sensitiveQueryParam.test(decode(parameter.slice(0, equals), true)) || value === '' || walk.keep(value)) return parameter;
      walk.found.push(value);
      return `${parameter.slice(0, equals + 1)}${REDACTED}`;
    });
  return `${url.slice(0, start)}${authority}${rest.slice(0, queryStart + 1)}${parameters.join('&')}${rest.slice(queryEnd)}`;
}

function walkString(value: string, walk: Walk): string {
  return walk.text(walk.byName && value.includes('://') ? value.replace(urlInText, (url) => redactUrl(url, walk)) : value);
}

/**
 * Every string inside a value that is a credential as a whole (a field named `password` holding an object, say). Only
 * an authorization's value is `<scheme> <parameter>`; elsewhere a space is part of the secret (a passphrase).
 */
function collectCredential(value: unknown, withScheme: boolean, walk: Walk, depth: number): void {
  if (typeof value === 'string') walk.found.push(...(withScheme ? credentialForms(value) : [value]));
  else if (typeof value === 'number') walk.found.push(String(value));
  else if (value !== null && typeof value === 'object' && depth <= 64)
    for (const item of Object.values(value)) collectCredential(item, withScheme, walk, depth + 1);
}

function walkValue(input: unknown, holder: Holder, walk: Walk, depth: number): unknown {
  if (typeof input === 'string') return walkString(input, walk);
  if (input === null || typeof input !== 'object' || depth > 64) return input;
  if (Array.isArray(input)) return input.map((item) => walkValue(item, holder, walk, depth + 1));
  // fromEntries defines each key as it is, so a `__proto__` field stays a field.
  return Object.fromEntries(
    Object.entries(input).map(([key, item]) => {
      const credential = walk.byName && isCredentialName(key, holder) && item !== null && item !== '' && !(typeof item === 'string' && walk.keep(item));
      if (credential) collectCredential(item, holder === 'headers' || /authorization$/i.test(key), walk, depth + 1);
      return [walk.text(key), credential ? REDACTED : walkValue(item, holderOf(key), walk, depth + 1)];
    }),
  );
}

export function createRedactor(secrets: Iterable<string>): Redactor {
  const needles = [...new Set([...secrets].filter((s) => typeof s === 'string' && s.length >= minSecretLength))]
    .flatMap(variants)
    // Longest first, so that a secret containing another is replaced whole.
    .sort((a, b) => b.length - a.length);

  function text(value: string): string {
    let result = value;
    for (const needle of needles) if (result.includes(needle)) result = result.split(needle).join(REDACTED);
    return result;
  }

  const walk = (byName: boolean): Walk => ({ text, byName, keep: () => false, found: [] });
  return {
    text,
    url: (value) => walkString(value, walk(true)),
    headers: (headers) => walkValue(headers, 'headers', walk(true), 0) as Record<string, string>,
    value: (value) => walkValue(value, 'fields', walk(true), 0),
    strings: (value) => walkValue(value, 'fields', walk(false), 0),
  };
}

/**
 * The value with the credentials it carries by name replaced (see `Redactor.value`), and those credentials in every form
 * they are sent in (a bearer's token, a Basic pair and its password), to be replaced by value wherever else they appear.
 */
export function redactByName(value: unknown, options: { keep?: (value: string) => boolean } = {}): { value: unknown; found: string[] } {
  const walk: Walk = { text: (text) => text, byName: true, keep: options.keep ?? (() => false), found: [] };
  const redacted = walkValue(value, 'fields', walk, 0);
  return { value: redacted, found: [...new Set(walk.found)].filter((found) => found.length >= minFoundLength && found !== REDACTED) };
}

/**
 * Caps a recorded body at roughly maxBytes of its JSON form. A body over the cap is kept as the
 * beginning of its text followed by a marker saying how large it was.
 */
export function capBody(body: unknown, maxBytes: number): unknown {
  if (body === undefined || body === null || typeof body === 'number' || typeof body === 'boolean') return body ?? null;
  const textForm = typeof body === 'string' ? body : JSON.stringify(body);
  if (textForm === undefined) return null;
  const size = Buffer.byteLength(textForm);
  if (size <= maxBytes) return body;
  // A cut through the middle of a multi-byte character decodes to U+FFFD, which is dropped.
  const cut = Buffer.from(textForm)
    .subarray(0, maxBytes)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
  return `${cut}… [truncated: ${size} bytes in total]`;
}
