// Turns whatever a port or the renderer produced into plain JSON that a step record can hold.
import { isJsonValue, MAX_DATA_DEPTH, setOwn, type JsonValue } from '@switchyard/contracts';

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
      if (converted !== undefined) setOwn(out, key, converted);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * Returns the value itself when it is already JSON (the common case: no copy on the hot path) and nests no deeper than
 * a record may hold (deeper data is cut, or saving the step would overflow the stack),
 * otherwise a converted copy following JSON.stringify's rules (undefined dropped, Dates as ISO),
 * except that it never throws: cycles and BigInts become strings.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (isJsonValue(value, MAX_DATA_DEPTH)) return value;
  return convert(value, 0, new Set()) ?? null;
}

export function isJsonObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
