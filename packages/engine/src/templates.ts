// Template rendering: fills `{{trigger.x}}` and `{{steps.key.x}}` into a step's input, and lists references for validation.

export type PathSegment = string | number;

export type TemplateRoot = 'trigger' | 'steps';

/** A parsed reference. For `steps`, `path[0]` is the step key. `text` is the normalised form used in `missing` lists. */
export type TemplateRef = {
  root: TemplateRoot;
  path: PathSegment[];
  text: string;
};

/** Text that looks like a reference (starts with `trigger` or `steps`) but does not parse; it renders literally. */
export type MalformedRef = { malformed: string };

type Part = string | TemplateRef;

type ParsedTemplate = {
  parts: Part[];
  /** Set when the whole string is exactly one template, which keeps the referenced value's type. */
  single: TemplateRef | null;
  malformed: MalformedRef[];
};

export type StepStatusValue = 'success' | 'error' | 'skipped';

/** What the renderer can see of a step that ran (or was skipped) earlier in the run. */
export type StepState = {
  status: StepStatusValue;
  output: unknown;
  error: string | null;
};

export type TemplateContext = {
  trigger: unknown;
  step(key: string): StepState | undefined;
};

const NAME_PATTERN = /^[^.[\]\s"'{}]+$/;

/** Normalised text for a path, so `{{ trigger . a [0] }}` and `{{trigger.a[0]}}` are reported the same way. */
export function formatRefPath(root: string, path: readonly PathSegment[]): string {
  let text = root;
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (NAME_PATTERN.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/** Parses the inside of `{{ }}`; returns null when it is not a reference. */
function parseRef(source: string): TemplateRef | null {
  let i = 0;
  const n = source.length;
  const skipSpace = () => {
    while (i < n && isSpace(source[i])) i += 1;
  };
  // Names may hold inner spaces (`trigger.first name`); spaces around them are layout.
  const readName = (): string | null => {
    const start = i;
    while (i < n) {
      const char = source[i];
      if (char === '.' || char === '[' || char === ']') break;
      i += 1;
    }
    const name = source.slice(start, i).trim();
    return name === '' ? null : name;
  };

  skipSpace();
  const root = readName();
  if (root !== 'trigger' && root !== 'steps') return null;
  const path: PathSegment[] = [];
  for (;;) {
    skipSpace();
    if (i >= n) break;
    const char = source[i];
    if (char === '.') {
      i += 1;
      skipSpace();
      const name = readName();
      if (name === null) return null;
      path.push(/^(0|[1-9]\d*)$/.test(name) ? Number(name) : name);
    } else if (char === '[') {
      i += 1;
      skipSpace();
      const quote = source[i];
      if (quote === '"' || quote === "'") {
        i += 1;
        let key = '';
        let closed = false;
        while (i < n) {
          const c = source[i] as string;
          if (c === '\\' && i + 1 < n) {
            key += source[i + 1];
            i += 2;
            continue;
          }
          if (c === quote) {
            closed = true;
            i += 1;
            break;
          }
          key += c;
          i += 1;
        }
        if (!closed) return null;
        path.push(key);
      } else {
        const match = /^-?\d+/.exec(source.slice(i, i + 20));
        if (!match) return null;
        path.push(Number(match[0]));
        i += match[0].length;
      }
      skipSpace();
      if (source[i] !== ']') return null;
      i += 1;
    } else {
      return null;
    }
  }
  if (root === 'steps' && typeof path[0] !== 'string') return null;
  return { root, path, text: formatRefPath(root, path) };
}

function looksLikeRef(source: string): boolean {
  return /^\s*(trigger|steps)\s*([.[]|$)/.test(source);
}

const MAX_REF_LENGTH = 1_000;

function parse(source: string): ParsedTemplate {
  const parts: Part[] = [];
  const malformed: MalformedRef[] = [];
  let text = '';
  let cursor = 0;
  // Reused while it still lies ahead, so a run of `{{{{...` costs linear time, not quadratic.
  let close = -1;
  for (;;) {
    const open = source.indexOf('{{', cursor);
    if (open === -1) break;
    if (close < open + 2) close = source.indexOf('}}', open + 2);
    if (close === -1) break;
    const length = close - open - 2;
    const inner = length <= MAX_REF_LENGTH ? source.slice(open + 2, close) : null;
    // A brace inside means the real opening is further right, as in `{{{trigger.a}}}`.
    const ref = inner === null || inner.includes('{') ? null : parseRef(inner);
    if (!ref) {
      if (inner !== null && !inner.includes('{') && looksLikeRef(inner)) malformed.push({ malformed: `{{${inner}}}` });
      text += source.slice(cursor, open + 1);
      cursor = open + 1;
      continue;
    }
    text += source.slice(cursor, open);
    if (text) parts.push(text);
    text = '';
    parts.push(ref);
    cursor = close + 2;
  }
  text += source.slice(cursor);
  if (text) parts.push(text);
  const only = parts.length === 1 ? parts[0] : undefined;
  return { parts, single: typeof only === 'object' ? only : null, malformed };
}

const CACHE_LIMIT = 5_000;
const CACHEABLE_LENGTH = 4_096;
const cache = new Map<string, ParsedTemplate>();

/**
 * Zaps render the same input strings on every run, so parsed templates are cached.
 * The cache is bounded (oldest entry evicted first) and skips long strings, so hostile
 * inputs cannot grow it without limit.
 */
function parseCached(source: string): ParsedTemplate {
  const hit = cache.get(source);
  if (hit) return hit;
  const parsed = parse(source);
  if (source.length <= CACHEABLE_LENGTH) {
    if (cache.size >= CACHE_LIMIT) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(source, parsed);
  }
  return parsed;
}

export function parseTemplate(source: string): { parts: Array<string | TemplateRef>; single: TemplateRef | null } {
  const { parts, single } = parseCached(source);
  return { parts, single };
}

function hasOwn(target: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(target, key);
}

function walk(start: unknown, path: readonly PathSegment[], from: number): { found: boolean; value: unknown } {
  let current = start;
  for (let i = from; i < path.length; i += 1) {
    const segment = path[i] as PathSegment;
    if (current === null || typeof current !== 'object') return { found: false, value: undefined };
    if (Array.isArray(current)) {
      if (typeof segment !== 'number') return { found: false, value: undefined };
      const index = segment < 0 ? current.length + segment : segment;
      if (index < 0 || index >= current.length) return { found: false, value: undefined };
      current = current[index];
    } else {
      const key = String(segment);
      if (!hasOwn(current, key)) return { found: false, value: undefined };
      current = (current as Record<string, unknown>)[key];
    }
  }
  return current === undefined ? { found: false, value: undefined } : { found: true, value: current };
}

/** Looks a reference up; `$status` and `$error` work whatever the shape of the step's output. */
export function resolveRef(ref: TemplateRef, context: TemplateContext): { found: boolean; value: unknown } {
  if (ref.root === 'trigger') return walk(context.trigger, ref.path, 0);
  const key = ref.path[0] as string;
  const state = context.step(key);
  if (!state) return { found: false, value: undefined };
  const second = ref.path[1];
  if (second === '$status') return walk(state.status, ref.path, 2);
  if (second === '$error') return ref.path.length === 2 ? { found: true, value: state.error } : walk(state.error, ref.path, 2);
  return walk(state.output, ref.path, 1);
}

/** How a value reads inside text: objects and arrays as JSON, null and undefined as nothing. */
export function stringifyValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

/**
 * Renders one string. Exactly one template keeps the referenced value (an object stays an object);
 * when that reference is missing the result is `undefined`, so the field is left out of the input
 * rather than sent as an empty string. Inside text, a missing reference reads as ''.
 * Every missing reference is appended to `missing` (as its normalised text, e.g. `steps.deal.id`).
 */
export function renderString(source: string, context: TemplateContext, missing: string[]): unknown {
  if (!source.includes('{{')) return source;
  const parsed = parseCached(source);
  if (parsed.single) {
    const { found, value } = resolveRef(parsed.single, context);
    if (!found) missing.push(parsed.single.text);
    return value;
  }
  let out = '';
  for (const part of parsed.parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const { found, value } = resolveRef(part, context);
    if (!found) missing.push(part.text);
    out += stringifyValue(value);
  }
  return out;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Renders templates anywhere inside a value. Object keys whose value renders to `undefined`
 * (a missing single template) are left out; in arrays they become `null` to keep positions.
 */
export function renderValue(value: unknown, context: TemplateContext, missing: string[]): unknown {
  if (typeof value === 'string') return renderString(value, context, missing);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    return value.map((item) => {
      const rendered = renderValue(item, context, missing);
      return rendered === undefined ? null : rendered;
    });
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const rendered = renderValue(item, context, missing);
    if (rendered !== undefined) out[key] = rendered;
  }
  return out;
}

/** Renders a value and returns what was missing, without duplicates, in order of appearance. */
export function render(value: unknown, context: TemplateContext): { value: unknown; missing: string[] } {
  const missing: string[] = [];
  const rendered = renderValue(value, context, missing);
  return { value: rendered, missing: [...new Set(missing)] };
}

/** One reference found in a value: `at` is the location inside that value, as path segments. */
export type FoundReference = { at: PathSegment[]; ref: TemplateRef } | { at: PathSegment[]; malformed: string };

/** Lists every reference (and malformed reference) inside a value, for static validation. */
export function listReferences(value: unknown): FoundReference[] {
  const found: FoundReference[] = [];
  const stack: Array<[unknown, PathSegment[]]> = [[value, []]];
  while (stack.length > 0) {
    const [current, at] = stack.pop() as [unknown, PathSegment[]];
    if (typeof current === 'string') {
      if (!current.includes('{{')) continue;
      const parsed = parseCached(current);
      for (const part of parsed.parts) if (typeof part !== 'string') found.push({ at, ref: part });
      for (const bad of parsed.malformed) found.push({ at, malformed: bad.malformed });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push([current[i], [...at, i]]);
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, item] = entries[i] as [string, unknown];
        stack.push([item, [...at, key]]);
      }
    }
  }
  return found;
}
