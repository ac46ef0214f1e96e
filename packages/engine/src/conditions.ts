// Condition evaluation for filter and paths steps: fifteen operators, OR of AND-groups.
import type { Condition, ConditionOp, Conditions, JsonValue } from '@switchyard/contracts';
import { StepFailure } from './failure.ts';
import { renderValue, stringifyValue, type TemplateContext } from './templates.ts';
import { toJsonValue } from './json.ts';
import { RE2JS } from 're2js';

/** Longer text is tested on its first this-many characters, so a slow pattern cannot stall a worker. */
export const REGEX_INPUT_LIMIT = 10_000;
export const REGEX_PATTERN_LIMIT = 1_000;

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Numbers, and strings that read as a decimal number (surrounding spaces allowed). Never '' or hex. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return NUMERIC.test(trimmed) ? Number(trimmed) : null;
  }
  return null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function toTime(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value.trim())) return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : time;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * Equality as people mean it in a filter: `100` equals `"100"`, a missing value equals `""`,
 * `true` equals `"true"`. Text comparison is case-sensitive.
 */
function looselyEqual(left: unknown, right: unknown): boolean {
  if (isEmpty(left) && isEmpty(right)) return true;
  if (typeof left === 'number' || typeof right === 'number') {
    const a = toNumber(left);
    const b = toNumber(right);
    if (a !== null && b !== null) return a === b;
  }
  return stringifyValue(left) === stringifyValue(right);
}

function contains(left: unknown, right: unknown): boolean {
  if (Array.isArray(left)) return left.some((item) => looselyEqual(item, right));
  return stringifyValue(left).includes(stringifyValue(right));
}

/** Numbers first; failing that, two ISO dates compare by time; anything else does not compare (false). */
function compare(left: unknown, right: unknown): number | null {
  const a = toNumber(left);
  const b = toNumber(right);
  if (a !== null && b !== null) return a - b;
  const ta = toTime(left);
  const tb = toTime(right);
  if (ta !== null && tb !== null) return ta - tb;
  return null;
}

function isTrue(value: unknown): boolean {
  if (value === true || value === 1) return true;
  if (typeof value === 'string') return ['true', '1', 'yes'].includes(value.trim().toLowerCase());
  return false;
}

function isFalse(value: unknown): boolean {
  if (value === false || value === 0) return true;
  if (typeof value === 'string') return ['false', '0', 'no'].includes(value.trim().toLowerCase());
  return false;
}

/** What a match of a user's pattern gives: the whole match, numbered groups (null when a group took no part) and named ones. */
export type PatternMatch = {
  match: string;
  groups: Array<string | null>;
  named: Record<string, string | null>;
};

/** A user's regular expression, run by RE2 in time linear in the text: no pattern can stall the process. */
export interface UserPattern {
  test(text: string): boolean;
  exec(text: string): PatternMatch | null;
}

const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

const patternCache = new Map<string, UserPattern>();
const PATTERN_CACHE_LIMIT = 1_000;

function userPattern(compiled: RE2JS): UserPattern {
  const named = Object.entries(compiled.namedGroups());
  return {
    test: (text) => compiled.matcher(text).find(),
    exec(text) {
      const matcher = compiled.matcher(text);
      if (!matcher.find()) return null;
      const groups: Array<string | null> = [];
      for (let group = 1; group <= matcher.groupCount(); group++) groups.push(matcher.group(group));
      return { match: matcher.group(0) ?? '', groups, named: Object.fromEntries(named.map(([name, index]) => [name, matcher.group(index)])) };
    },
  };
}

/**
 * Accepts a bare pattern (`^INV-\d+$`) or a literal with flags (`/^inv-\d+$/i`; i, m and s; g, y and u change nothing
 * for a match). Patterns run on RE2 (re2js, pure JavaScript), whose time is linear in the text whatever the pattern,
 * instead of V8's backtracking engine, where `^(a|a)+$` takes exponential time on the main thread. RE2 has no
 * lookarounds or backreferences: such a pattern is refused with the reason. Throws a permanent StepFailure with a
 * readable message for a bad pattern.
 */
export function compileRegex(source: string): UserPattern {
  const cached = patternCache.get(source);
  if (cached) return cached;
  let pattern = source;
  let flags = 0;
  const literal = /^\/([\s\S]*)\/([a-z]*)$/.exec(source);
  if (literal && source.length > 1) {
    pattern = literal[1] as string;
    for (const flag of (literal[2] as string).replace(/[gyu]/g, '')) {
      const value = FLAGS[flag];
      if (value === undefined) {
        throw StepFailure.permanent(`The regular expression ${JSON.stringify(source)} has the flag "${flag}"; use i, m or s`, 'INVALID_REGEX');
      }
      flags |= value;
    }
  }
  if (pattern.length > REGEX_PATTERN_LIMIT) {
    throw StepFailure.permanent(`The regular expression is longer than ${REGEX_PATTERN_LIMIT} characters`, 'INVALID_REGEX');
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, flags);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^error parsing regexp: /, '');
    const hint = /\(\?[=!<]|\\[1-9]/.test(pattern) ? ' (lookarounds and backreferences are not supported: they can take exponential time)' : '';
    throw StepFailure.permanent(`Invalid regular expression ${JSON.stringify(source)}: ${reason}${hint}`, 'INVALID_REGEX');
  }
  const compiledPattern = userPattern(compiled);
  if (patternCache.size >= PATTERN_CACHE_LIMIT) {
    const oldest = patternCache.keys().next();
    if (!oldest.done) patternCache.delete(oldest.value);
  }
  patternCache.set(source, compiledPattern);
  return compiledPattern;
}

/** Returns the problem with a pattern, or null when it compiles and is safe. */
export function regexProblem(source: string): string | null {
  try {
    compileRegex(source);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Tests one operator on already-rendered values. Throws a permanent StepFailure only for a bad regex. */
export function testCondition(left: unknown, op: ConditionOp, right?: unknown): boolean {
  switch (op) {
    case 'equals':
      return looselyEqual(left, right);
    case 'not_equals':
      return !looselyEqual(left, right);
    case 'contains':
      return contains(left, right);
    case 'not_contains':
      return !contains(left, right);
    case 'starts_with':
      return stringifyValue(left).startsWith(stringifyValue(right));
    case 'ends_with':
      return stringifyValue(left).endsWith(stringifyValue(right));
    case 'gt': {
      const order = compare(left, right);
      return order !== null && order > 0;
    }
    case 'gte': {
      const order = compare(left, right);
      return order !== null && order >= 0;
    }
    case 'lt': {
      const order = compare(left, right);
      return order !== null && order < 0;
    }
    case 'lte': {
      const order = compare(left, right);
      return order !== null && order <= 0;
    }
    case 'exists':
      return !isEmpty(left);
    case 'not_exists':
      return isEmpty(left);
    case 'is_true':
      return isTrue(left);
    case 'is_false':
      return isFalse(left);
    case 'matches_regex': {
      const regex = compileRegex(stringifyValue(right));
      return regex.test(stringifyValue(left).slice(0, REGEX_INPUT_LIMIT));
    }
  }
}

/** A condition after templates were filled in, with its result: what the step record shows. */
export type EvaluatedCondition = { left: JsonValue; op: ConditionOp; right?: JsonValue; passed: boolean };

export type ConditionsResult = {
  passed: boolean;
  evaluated: EvaluatedCondition[][];
  missing: string[];
};

function evaluateOne(condition: Condition, context: TemplateContext, missing: string[]): EvaluatedCondition {
  const left = renderValue(condition.left, context, missing);
  const right = condition.right === undefined ? undefined : renderValue(condition.right, context, missing);
  const passed = testCondition(left, condition.op, right);
  const evaluated: EvaluatedCondition = { left: toJsonValue(left ?? null), op: condition.op, passed };
  if (right !== undefined) evaluated.right = toJsonValue(right);
  return evaluated;
}

/**
 * Every condition is evaluated (no short-circuit) so the record explains the whole decision
 * and a bad regex is reported even when an earlier group already passed.
 */
export function evaluateConditions(conditions: Conditions, context: TemplateContext): ConditionsResult {
  const missing: string[] = [];
  const evaluated = conditions.map((group) => group.map((condition) => evaluateOne(condition, context, missing)));
  const passed = evaluated.length === 0 || evaluated.some((group) => group.every((condition) => condition.passed));
  return { passed, evaluated, missing: [...new Set(missing)] };
}
