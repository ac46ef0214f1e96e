// Turns whatever a port or the renderer produced into plain JSON that a step record can hold.
import { MAX_DATA_DEPTH, type JsonValue } from '@switchyard/contracts';

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Walks without recursion so that a deeply nested output cannot overflow the stack. A value nested deeper than a
 * record may hold is not taken as it is: the conversion cuts it, or saving the step would overflow instead.
 */
function isJson(value: unknown): value is JsonValue {
  // Two parallel stacks: no allocation per node on this hot path.
  const stack: unknown[] = [value];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const current = stack.pop();
    const depth = depths.pop()!;
    if (current === null || typeof current === 'string' || typeof current === 'boolean') continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return false;
      continue;
    }
    if (typeof current !== 'object' || depth > MAX_DATA_DEPTH) return false;
    if (!Array.isArray(current) && !isPlainObject(current)) return false;
    for (const item of Array.isArray(current) ? current : Object.values(current)) {
      stack.push(item);
      depths.push(depth + 1);
    }
  }
  return true;
}

function convert(value: unknown, depth: number, seen: Set<object>): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return undefined;
  if (depth > MAX_DATA_DEPTH) return '[nested too deep]';
  if (seen.has(value)) return '[circular]';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    return convert((withToJson.toJSON as () => unknown).call(value), depth + 1, seen);
  }
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => convert(item, depth + 1, seen) ?? null);
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const converted = convert(item, depth + 1, seen);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * Returns the value itself when it is already JSON (the common case: no copy on the hot path),
 * otherwise a converted copy following JSON.stringify's rules (undefined dropped, Dates as ISO),
 * except that it never throws: cycles and BigInts become strings.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (isJson(value)) return value;
  return convert(value, 0, new Set()) ?? null;
}

export function isJsonObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
