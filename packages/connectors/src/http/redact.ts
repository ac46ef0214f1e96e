// Redaction and size capping of what run history records about a request.

export const REDACTED = '[REDACTED]';

/** Secrets shorter than this would blank out ordinary text everywhere; such values are not secrets anyway. */
const minSecretLength = 3;

const sensitiveHeader = /^(authorization|proxy-authorization|cookie|set-cookie)$|api[-_]?key|token|secret|passw|session|signature|credential|auth/i;
const sensitiveQueryParam = /(^|[-_.])(api[-_]?key|key|token|secret|password|passwd|signature|sig|auth|session(id)?)$/i;
const sensitiveField = /^(password|passwd|secret|client_secret|token|access_token|refresh_token|id_token|api[-_]?key|authorization)$/i;

export interface Redactor {
  text(value: string): string;
  url(value: string): string;
  headers(headers: Record<string, string>): Record<string, string>;
  /** A JSON-like value with secrets replaced in every string and key, and credential-named fields blanked. */
  value(value: unknown): unknown;
}

function variants(secret: string): string[] {
  // A secret can appear encoded in a URL, a form body or a JSON string; each form is replaced.
  const forms = [secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+'), JSON.stringify(secret).slice(1, -1)];
  return [...new Set(forms)];
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

  function url(value: string): string {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return text(value);
    }
    if (parsed.password) parsed.password = 'REDACTED';
    for (const name of [...new Set(parsed.searchParams.keys())]) {
      if (sensitiveQueryParam.test(name)) parsed.searchParams.set(name, REDACTED);
    }
    // URLSearchParams re-encodes the marker; keep it readable.
    return text(parsed.toString()).replaceAll(encodeURIComponent(REDACTED), REDACTED);
  }

  function headers(input: Record<string, string>): Record<string, string> {
    const output: Record<string, string> = {};
    for (const [name, headerValue] of Object.entries(input)) {
      output[name] = sensitiveHeader.test(name) ? REDACTED : text(headerValue);
    }
    return output;
  }

  function value(input: unknown, depth = 0): unknown {
    if (typeof input === 'string') return text(input);
    if (input === null || typeof input !== 'object' || depth > 64) return input;
    if (Array.isArray(input)) return input.map((item) => value(item, depth + 1));
    const output: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) {
      output[text(key)] = sensitiveField.test(key) && item !== null && item !== '' ? REDACTED : value(item, depth + 1);
    }
    return output;
  }

  return { text, url, headers, value: (input) => value(input) };
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
