// Condition evaluation for filter and paths steps: fifteen operators, OR of AND-groups.
import type { Condition, ConditionOp, Conditions, JsonValue } from '@switchyard/contracts';
import { StepFailure } from './failure.ts';
import { renderValue, stringifyValue, type TemplateContext } from './templates.ts';
import { toJsonValue } from './json.ts';

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

/**
 * Rejects patterns whose backtracking can grow exponentially, detected as a quantified group
 * that itself contains a quantifier (`(a+)+`, `(\w*\s?)*`). It is a heuristic: it keeps the
 * common catastrophic shapes out at the price of refusing a few harmless patterns.
 */
function hasNestedQuantifier(pattern: string): boolean {
  const groups: boolean[] = [];
  let closedGroupHadQuantifier: boolean | null = null;
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    if (char === '\\') {
      i += 2;
      closedGroupHadQuantifier = null;
      continue;
    }
    if (char === '[') {
      i += 1;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i += 1;
      closedGroupHadQuantifier = null;
      continue;
    }
    if (char === '(') {
      groups.push(false);
      i += 1;
      closedGroupHadQuantifier = null;
      continue;
    }
    if (char === ')') {
      const had = groups.pop() ?? false;
      if (had && groups.length > 0) groups[groups.length - 1] = true;
      closedGroupHadQuantifier = had;
      i += 1;
      continue;
    }
    const bounded = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
    const unbounded = char === '*' || char === '+' || (bounded !== null && bounded[2] !== undefined && (bounded[3] === '' || Number(bounded[3]) > 1));
    if (unbounded) {
      if (closedGroupHadQuantifier) return true;
      if (groups.length > 0) groups[groups.length - 1] = true;
      i += bounded ? bounded[0].length : 1;
      closedGroupHadQuantifier = null;
      continue;
    }
    closedGroupHadQuantifier = null;
    i += 1;
  }
  return false;
}

const regexCache = new Map<string, RegExp>();
const REGEX_CACHE_LIMIT = 1_000;

/**
 * Accepts a bare pattern (`^INV-\d+$`) or a literal with flags (`/^inv-\d+$/i`).
 * Throws a permanent StepFailure with a readable message for a bad or unsafe pattern.
 */
export function compileRegex(source: string): RegExp {
  const cached = regexCache.get(source);
  if (cached) return cached;
  let pattern = source;
  let flags = '';
  const literal = /^\/([\s\S]*)\/([a-z]*)$/.exec(source);
  if (literal && source.length > 1) {
    pattern = literal[1] as string;
    // g and y make a RegExp stateful between tests; they mean nothing for a yes/no match.
    flags = (literal[2] as string).replace(/[gy]/g, '');
  }
  if (pattern.length > REGEX_PATTERN_LIMIT) {
    throw StepFailure.permanent(`The regular expression is longer than ${REGEX_PATTERN_LIMIT} characters`, 'INVALID_REGEX');
  }
  if (hasNestedQuantifier(pattern)) {
    throw StepFailure.permanent(
      `The regular expression ${JSON.stringify(source)} repeats a group that itself repeats (like (a+)+), which can take exponential time; simplify it`,
      'INVALID_REGEX',
    );
  }
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw StepFailure.permanent(`Invalid regular expression ${JSON.stringify(source)}: ${reason}`, 'INVALID_REGEX');
  }
  if (regexCache.size >= REGEX_CACHE_LIMIT) {
    const oldest = regexCache.keys().next();
    if (!oldest.done) regexCache.delete(oldest.value);
  }
  regexCache.set(source, regex);
  return regex;
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
