// The Daktela fake's list query language: PHP-style nested query strings, both filter syntaxes, sorting and projection.

/** A parsed `a[b][0][c]=v` query: nested plain objects, numeric keys kept as object keys in order. */
export type NestedQuery = { [key: string]: string | NestedQuery };

/** Parses a query string the way PHP's `$_GET` does (`filter[filters][0][field]=edited`, `fields[]=name`). */
export function parseNestedQuery(params: URLSearchParams): NestedQuery {
  const root: NestedQuery = {};
  for (const [rawKey, value] of params) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    const path = match ? [match[1] as string, ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] as string)] : [rawKey];
    let node = root;
    for (let index = 0; index < path.length; index++) {
      let key = path[index] as string;
      // `name[]` appends, as in PHP.
      if (key === '') key = String(Object.keys(node).length);
      if (index === path.length - 1) {
        node[key] = value;
      } else {
        const next = node[key];
        if (typeof next === 'object') node = next;
        else {
          const created: NestedQuery = {};
          node[key] = created;
          node = created;
        }
      }
    }
  }
  return root;
}

/** The values of an object with numeric keys, in key order (how PHP arrays arrive in a query). */
export function listOf(value: string | NestedQuery | undefined): Array<string | NestedQuery> {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  return Object.entries(value)
    .filter(([key]) => /^\d+$/.test(key))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, item]) => item);
}

export const FILTER_OPERATORS = [
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'like',
  'contains',
  'startswith',
  'endswith',
  'notlike',
  'doesnotcontain',
  'isnull',
  'isnotnull',
  'in',
  'notin',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export type FilterNode =
  | { kind: 'condition'; field: string; operator: FilterOperator; value: string | string[] | undefined }
  | { kind: 'group'; logic: 'and' | 'or'; filters: FilterNode[] };

export class QueryError extends Error {
  override readonly name = 'QueryError';
}

/**
 * Reads `filter` in either syntax: the nested groups of the PHP connector
 * (`filter[logic]=and&filter[filters][0][field]=…`) or the flat list mcp-daktela sends (`filter[0][field]=…`, AND-ed).
 * A single `filter[field]=…&filter[operator]=…` condition is accepted too.
 */
export function parseFilter(raw: string | NestedQuery | undefined): FilterNode | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string') throw new QueryError('Invalid filter');
  if (typeof raw.field === 'string') return condition(raw);
  const logic = raw.logic === undefined ? 'and' : raw.logic;
  if (logic !== 'and' && logic !== 'or') throw new QueryError(`Invalid filter logic "${String(logic)}"`);
  const children = raw.filters !== undefined ? listOf(raw.filters) : listOf(raw);
  const filters = children.map((child) => {
    const node = parseFilter(child);
    if (!node) throw new QueryError('Invalid filter');
    return node;
  });
  return { kind: 'group', logic, filters };
}

function condition(raw: NestedQuery): FilterNode {
  const operator = typeof raw.operator === 'string' ? raw.operator.toLowerCase() : 'eq';
  if (!(FILTER_OPERATORS as readonly string[]).includes(operator)) throw new QueryError(`Unknown filter operator "${operator}"`);
  const value = raw.value === undefined ? undefined : typeof raw.value === 'string' ? raw.value : listOf(raw.value).map(String);
  return { kind: 'condition', field: String(raw.field), operator: operator as FilterOperator, value };
}

/** A record's value for comparing: references by their name, so filters work on stored (unexpanded) records. */
function comparable(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'name' in value) return (value as { name: unknown }).name;
  return value;
}

function compare(a: unknown, b: string): number {
  const left = String(a);
  if (left !== '' && b !== '' && !Number.isNaN(Number(left)) && !Number.isNaN(Number(b))) return Number(left) - Number(b);
  // "YYYY-MM-DD HH:MM:SS" timestamps order correctly as text.
  return left < b ? -1 : left > b ? 1 : 0;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function likePattern(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(pattern.includes('%') ? `^${escaped}$` : escaped, 'i');
}

function testScalar(raw: unknown, operator: FilterOperator, value: string | string[] | undefined): boolean {
  const actual = comparable(raw);
  const single = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  const text = actual === null || actual === undefined ? '' : String(actual).toLowerCase();
  const needle = single.toLowerCase();
  switch (operator) {
    case 'eq':
      return actual !== null && actual !== undefined && compare(actual, single) === 0;
    case 'neq':
      return actual === null || actual === undefined || compare(actual, single) !== 0;
    case 'lt':
      return !isEmpty(actual) && compare(actual, single) < 0;
    case 'lte':
      return !isEmpty(actual) && compare(actual, single) <= 0;
    case 'gt':
      return !isEmpty(actual) && compare(actual, single) > 0;
    case 'gte':
      return !isEmpty(actual) && compare(actual, single) >= 0;
    case 'like':
      return likePattern(single).test(text);
    case 'notlike':
      return !likePattern(single).test(text);
    case 'contains':
      return text.includes(needle);
    case 'doesnotcontain':
      return !text.includes(needle);
    case 'startswith':
      return text.startsWith(needle);
    case 'endswith':
      return text.endsWith(needle);
    case 'isnull':
      return isEmpty(actual);
    case 'isnotnull':
      return !isEmpty(actual);
    case 'in':
    case 'notin': {
      const options = Array.isArray(value) ? value : (value ?? '').split(',');
      const found = actual !== null && actual !== undefined && options.some((option) => compare(actual, option) === 0);
      return operator === 'in' ? found : !found;
    }
  }
}

export function matches(record: Record<string, unknown>, node: FilterNode | undefined): boolean {
  if (!node) return true;
  if (node.kind === 'group') {
    if (node.filters.length === 0) return true;
    return node.logic === 'and' ? node.filters.every((child) => matches(record, child)) : node.filters.some((child) => matches(record, child));
  }
  const raw = record[node.field];
  // A list field (statuses, followers) matches when one of its items does; negations when none fails.
  if (Array.isArray(raw) && !['isnull', 'isnotnull'].includes(node.operator)) {
    const negative = ['neq', 'notlike', 'doesnotcontain', 'notin'].includes(node.operator);
    return negative ? raw.every((item) => testScalar(item, node.operator, node.value)) : raw.some((item) => testScalar(item, node.operator, node.value));
  }
  return testScalar(raw, node.operator, node.value);
}

export interface SortKey {
  field: string;
  dir: 'asc' | 'desc';
}

/** `sort[0][field]=edited&sort[0][dir]=asc`, or a single `sort[field]=…&sort[dir]=…`. */
export function parseSort(raw: string | NestedQuery | undefined): SortKey[] {
  if (raw === undefined) return [];
  if (typeof raw === 'string') return [{ field: raw, dir: 'asc' }];
  const items = typeof raw.field === 'string' ? [raw] : listOf(raw);
  return items.map((item) => {
    if (typeof item === 'string') return { field: item, dir: 'asc' as const };
    const dir = typeof item.dir === 'string' ? item.dir.toLowerCase() : 'asc';
    if (dir !== 'asc' && dir !== 'desc') throw new QueryError(`Invalid sort direction "${dir}"`);
    return { field: String(item.field), dir };
  });
}

export function sortRecords<T extends Record<string, unknown>>(records: T[], keys: SortKey[]): T[] {
  if (keys.length === 0) return records;
  return [...records].sort((a, b) => {
    for (const key of keys) {
      const left = comparable(a[key.field]);
      const right = comparable(b[key.field]);
      if (isEmpty(left) && isEmpty(right)) continue;
      if (isEmpty(left)) return key.dir === 'asc' ? -1 : 1;
      if (isEmpty(right)) return key.dir === 'asc' ? 1 : -1;
      const order = compare(left, String(right));
      if (order !== 0) return key.dir === 'asc' ? order : -order;
    }
    return 0;
  });
}

/** `fields[0]=name&fields[1]=title`: only those fields (and `_sys`) come back. */
export function parseFields(raw: string | NestedQuery | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  return listOf(raw).map(String);
}

export function searchText(record: Record<string, unknown>, q: string): boolean {
  return JSON.stringify(record).toLowerCase().includes(q.toLowerCase());
}
