// Template rendering: fills `{{trigger.x}}` and `{{steps.key.x}}` into a step's input, and lists references for validation.
import { setOwn, splitTemplateText, type PathSegment, type TemplatePart, type TemplateRef } from '@switchyard/contracts';

/** A parsed template; `single` is set when the whole string is exactly one reference, which keeps the referenced value's type. */
type ParsedTemplate = { parts: TemplatePart[]; single: TemplateRef | null; malformed: string[] };

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

function parse(source: string): ParsedTemplate {
  const { parts, malformed } = splitTemplateText(source);
  const only = parts.length === 1 ? parts[0] : undefined;
  return { parts, single: only?.kind === 'ref' ? only.ref : null, malformed };
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

export function parseTemplate(source: string): { parts: TemplatePart[]; single: TemplateRef | null } {
  const { parts, single } = parseCached(source);
  return { parts, single };
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
      if (!Object.hasOwn(current, key)) return { found: false, value: undefined };
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
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    const { found, value } = resolveRef(part.ref, context);
    if (!found) missing.push(part.ref.text);
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
    if (rendered !== undefined) setOwn(out, key, rendered);
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
      for (const part of parsed.parts) if (part.kind === 'ref') found.push({ at, ref: part.ref });
      for (const malformed of parsed.malformed) found.push({ at, malformed });
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
