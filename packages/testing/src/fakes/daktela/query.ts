// The Daktela fake's list query language: PHP-style nested query strings, and the filter, sort, fields and paging forms Daktela's connectors send.

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

export class QueryError extends Error {
  override readonly name = 'QueryError';
}

/** The items of a PHP list (`a[0]`, `a[1]`, or `a[]`), in key order; any other key is refused. */
function indexed(value: NestedQuery, path: string): Array<[string, string | NestedQuery]> {
  return Object.entries(value)
    .map(([key, item]): [string, string | NestedQuery] => {
      if (!/^\d+$/.test(key)) throw new QueryError(`Unexpected ${path}[${key}]`);
      return [key, item];
    })
    .sort(([a], [b]) => Number(a) - Number(b));
}

function refuseUnknownKeys(value: NestedQuery, known: readonly string[], path: string): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) throw new QueryError(`Unexpected ${path}[${key}]`);
}

/**
 * The operators Daktela's own connectors send: the 16 of the .NET connector (`Daktela/daktela-v6-dotnet-connector`
 * `FilterOperator.cs`, also `aviationexam/daktela-http-client` `EFilterOperator.cs` and the Java connector),
 * `between` (Java connector `DaktelaFilter.java`), and `begins`, `notbegins`, `ends`, `notends` (Python connector
 * `src/daktela/query/filter.py`).
 */
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
  'between',
  'begins',
  'notbegins',
  'ends',
  'notends',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

const isOperator = (text: string): text is FilterOperator => (FILTER_OPERATORS as readonly string[]).includes(text);

/** Operators that take no value (the connectors leave it out, or send it empty as the Dart connector does). */
const VALUELESS: ReadonlySet<FilterOperator> = new Set(['isnull', 'isnotnull']);
/** Operators that take a list (`value[0]`, `value[1]`…), with the number of values each needs. */
const LISTS: ReadonlyMap<FilterOperator, { min: number; max: number }> = new Map([
  ['in', { min: 1, max: Number.POSITIVE_INFINITY }],
  ['notin', { min: 1, max: Number.POSITIVE_INFINITY }],
  ['between', { min: 2, max: 2 }],
]);

export type FilterNode =
  | { kind: 'condition'; field: string; operator: FilterOperator; value: string | string[] | undefined }
  | { kind: 'group'; logic: 'and' | 'or'; filters: FilterNode[] };

/**
 * Reads `filter` in each form Daktela's connectors send: a group (`filter[logic]=and&filter[filters][0][field]=…`,
 * PHP, Dart, JS and .NET connectors), a list AND-ed together whose items may be groups (`filter[0][field]=…`,
 * Python and .NET connectors), or one condition (`filter[field]=…`, the JS connector's `filter` option).
 * Anything else is refused with a QueryError naming the offending parameter.
 */
export function parseFilter(raw: string | NestedQuery | undefined): FilterNode | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string') throw new QueryError('filter must be filter[field]/[operator]/[value], filter[logic] with filter[filters][n], or filter[n]');
  if ('field' in raw) return condition(raw, 'filter');
  if ('filters' in raw || 'logic' in raw) return group(raw, 'filter');
  return { kind: 'group', logic: 'and', filters: items(raw, 'filter') };
}

function node(raw: string | NestedQuery, path: string): FilterNode {
  if (typeof raw === 'string') throw new QueryError(`${path} must be a condition or a group`);
  return 'filters' in raw || 'logic' in raw ? group(raw, path) : condition(raw, path);
}

function group(raw: NestedQuery, path: string): FilterNode {
  refuseUnknownKeys(raw, ['logic', 'filters'], path);
  // The PHP connector reads a group without logic as AND (ReadRequest.php, appendFilterGroup).
  const logic = raw.logic ?? 'and';
  if (logic !== 'and' && logic !== 'or') throw new QueryError(`${path}[logic] must be "and" or "or", not ${JSON.stringify(logic)}`);
  if (raw.filters === undefined || typeof raw.filters === 'string') throw new QueryError(`${path}[filters] must list the group's filters`);
  return { kind: 'group', logic, filters: items(raw.filters, `${path}[filters]`) };
}

function items(raw: NestedQuery, path: string): FilterNode[] {
  const entries = indexed(raw, path);
  // Every connector refuses to build an empty group (Java: "a filter group needs at least one filter").
  if (entries.length === 0) throw new QueryError(`${path} has no filters`);
  return entries.map(([index, item]) => node(item, `${path}[${index}]`));
}

function condition(raw: NestedQuery, path: string): FilterNode {
  // `ignoreCase` is sent by the Python and Dart connectors.
  refuseUnknownKeys(raw, ['field', 'operator', 'value', 'ignoreCase'], path);
  if (typeof raw.field !== 'string' || raw.field === '') throw new QueryError(`${path}[field] is missing`);
  if (typeof raw.operator !== 'string' || raw.operator === '') throw new QueryError(`${path}[operator] is missing`);
  const operator = raw.operator;
  if (!isOperator(operator)) throw new QueryError(`Unknown filter operator "${operator}" in ${path}`);
  if (raw.ignoreCase !== undefined && !['true', 'false', '1', '0'].includes(String(raw.ignoreCase))) {
    throw new QueryError(`${path}[ignoreCase] must be true or false`);
  }
  return { kind: 'condition', field: raw.field, operator, value: conditionValue(operator, raw.value, `${path}[value]`) };
}

function conditionValue(operator: FilterOperator, raw: string | NestedQuery | undefined, path: string): string | string[] | undefined {
  if (VALUELESS.has(operator)) return undefined;
  const list = LISTS.get(operator);
  if (list) {
    const values = raw === undefined ? [] : typeof raw === 'string' ? [raw] : indexed(raw, path).map(([index, item]) => listItem(item, `${path}[${index}]`));
    if (values.length < list.min || values.length > list.max) {
      throw new QueryError(
        list.min === list.max ? `${path} needs ${list.min} values for ${operator}` : `${path} needs at least ${list.min} value for ${operator}`,
      );
    }
    return values;
  }
  if (raw === undefined) throw new QueryError(`${path} is missing for ${operator}`);
  if (typeof raw !== 'string') throw new QueryError(`${path} takes one value for ${operator}`);
  return raw;
}

function listItem(item: string | NestedQuery, path: string): string {
  if (typeof item !== 'string') throw new QueryError(`${path} must be a single value`);
  return item;
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
    case 'begins':
      return text.startsWith(needle);
    case 'notbegins':
      return !text.startsWith(needle);
    case 'endswith':
    case 'ends':
      return text.endsWith(needle);
    case 'notends':
      return !text.endsWith(needle);
    case 'isnull':
      return isEmpty(actual);
    case 'isnotnull':
      return !isEmpty(actual);
    case 'between': {
      const [from = '', to = ''] = Array.isArray(value) ? value : [];
      return !isEmpty(actual) && compare(actual, from) >= 0 && compare(actual, to) <= 0;
    }
    case 'in':
    case 'notin': {
      const options = Array.isArray(value) ? value : [];
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
    const negative = ['neq', 'notlike', 'doesnotcontain', 'notin', 'notbegins', 'notends'].includes(node.operator);
    return negative ? raw.every((item) => testScalar(item, node.operator, node.value)) : raw.some((item) => testScalar(item, node.operator, node.value));
  }
  return testScalar(raw, node.operator, node.value);
}

export interface SortKey {
  field: string;
  dir: 'asc' | 'desc';
}

/**
 * `sort[0][field]=edited&sort[0][dir]=asc` (PHP, .NET, Python, Dart connectors), or one `sort[field]=…&sort[dir]=…`
 * (the JS connector's `sort` option). A bare `sort=edited` is refused (mcp-daktela: "nested array, not flat").
 */
export function parseSort(raw: string | NestedQuery | undefined): SortKey[] {
  if (raw === undefined) return [];
  if (typeof raw === 'string') throw new QueryError('sort must be sort[n][field] with sort[n][dir]');
  const items: Array<[string, string | NestedQuery]> = 'field' in raw ? [['sort', raw]] : indexed(raw, 'sort').map(([index, item]) => [`sort[${index}]`, item]);
  return items.map(([path, item]) => {
    if (typeof item === 'string') throw new QueryError(`${path} must have [field] and [dir]`);
    refuseUnknownKeys(item, ['field', 'dir'], path);
    if (typeof item.field !== 'string' || item.field === '') throw new QueryError(`${path}[field] is missing`);
    const dir = item.dir ?? 'asc';
    if (dir !== 'asc' && dir !== 'desc') throw new QueryError(`${path}[dir] must be "asc" or "desc", not ${JSON.stringify(dir)}`);
    return { field: item.field, dir };
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

/** `fields[0]=name&fields[1]=title` (or `fields[]=…`): only those fields (and `_sys`) come back. */
export function parseFields(raw: string | NestedQuery | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string') throw new QueryError('fields must be fields[n]');
  return indexed(raw, 'fields').map(([index, item]) => {
    if (typeof item !== 'string' || item === '') throw new QueryError(`fields[${index}] must be a field name`);
    return item;
  });
}

/** `skip` and `take`, whole numbers of 0 or more (the .NET connector refuses negative ones); `take` defaults as given. */
export function parsePaging(query: NestedQuery, defaultTake: number): { skip: number; take: number } {
  const count = (name: 'skip' | 'take', fallback: number): number => {
    const raw = query[name];
    if (raw === undefined) return fallback;
    if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw new QueryError(`${name} must be a whole number of 0 or more`);
    return Number(raw);
  };
  return { skip: count('skip', 0), take: count('take', defaultTake) };
}

export function searchText(record: Record<string, unknown>, q: string): boolean {
  return JSON.stringify(record).toLowerCase().includes(q.toLowerCase());
}
