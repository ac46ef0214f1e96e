// The fake Twenty's list query language: `filter`, `order_by` and cursor paging, parsed the way twenty-server's REST parsers do.

export type TwentyRecord = Record<string, unknown>;

/** A 400 the way Twenty's REST parsers raise it (BadRequestException). */
export class QueryError extends Error {}

const comparators = ['eq', 'neq', 'in', 'containsAny', 'is', 'gt', 'gte', 'lt', 'lte', 'startsWith', 'endsWith', 'like', 'ilike'] as const;
type Comparator = (typeof comparators)[number];

export type Filter = { and: Filter[] } | { or: Filter[] } | { not: Filter } | { path: string[]; comparator: Comparator; value: string | string[] };

const rootConjunction = /^(and|or|not)\((.+)\)$/s;

/** Splits `and(a,b(c,d),e)` into its top-level predicates, as parse-filter-content does (commas inside [], "" and '' are kept). */
function splitPredicates(query: string): string[] {
  let inBrackets = false;
  let inDouble = false;
  let inSingle = false;
  let depth = 0;
  const predicates: string[] = [];
  let current = '';
  for (const c of query) {
    let keep = depth >= 1;
    if (c === '(') depth++;
    if (c === ')') {
      depth--;
      keep = depth >= 1;
    }
    if (c === '[' || c === ']') inBrackets = !inBrackets;
    if (c === '"') inDouble = !inDouble;
    if (c === "'") inSingle = !inSingle;
    if (c === ',' && depth === 1 && !inBrackets && !inDouble && !inSingle) {
      predicates.push(current);
      current = '';
      keep = false;
    }
    if (keep) current += c;
  }
  predicates.push(current);
  return predicates;
}

function unquote(value: string): string {
  const first = value[0];
  const last = value[value.length - 1];
  return value.length >= 2 && (first === '"' || first === "'") && (last === '"' || last === "'") ? value.slice(1, -1) : value;
}

function parseBase(text: string): Filter {
  if (!/^(.+)\[(.+)\]:(.+)$/s.test(text)) throw new QueryError(`'filter' invalid for '${text}'. eg: price[gte]:10`);
  // Same character walk as parse-base-filter: fields up to '[', comparator up to ']', value after the next ':'.
  let fields = '';
  let comparator = '';
  let value = '';
  let fillFields = true;
  let fillComparator = false;
  let fillValue = false;
  for (const c of text) {
    if (fillValue) value += c;
    if (c === ']' && !fillValue) fillComparator = false;
    if (c === ':' && !fillComparator) fillValue = true;
    if (fillComparator) comparator += c;
    if (c === '[' && fillFields) {
      fillFields = false;
      fillComparator = true;
    }
    if (fillFields) fields += c;
  }
  if (!(comparators as readonly string[]).includes(comparator)) {
    throw new QueryError(`'filter' invalid for '${text}', comparator ${comparator} not in ${comparators.join(', ')}`);
  }
  const op = comparator as Comparator;
  if (op === 'in' || op === 'containsAny') {
    if (!value.startsWith('[') || !value.endsWith(']')) {
      throw new QueryError(`'filter' invalid for '${op}' operator. Received '${value}' but array value expected eg: 'field[${op}]:[value_1,value_2]'`);
    }
    return {
      path: fields.split('.'),
      comparator: op,
      value: value
        .slice(1, -1)
        .split(',')
        .map((item) => unquote(item.trim())),
    };
  }
  return { path: fields.split('.'), comparator: op, value: op === 'is' ? value : unquote(value) };
}

function parseNode(text: string): Filter {
  const match = rootConjunction.exec(text);
  if (!match) return parseBase(text);
  const children = splitPredicates(text).map(parseNode);
  if (match[1] === 'not') {
    if (children.length > 1) throw new QueryError(`'filter' invalid. 'not' conjunction should contain only 1 condition. eg: not(field[eq]:1)`);
    return { not: children[0] as Filter };
  }
  return match[1] === 'or' ? { or: children } : { and: children };
}

/** `a[eq]:1,b[gt]:2` is ANDed, as add-default-conjunction does. */
export function parseFilter(query: string): Filter {
  const trimmed = query.trim();
  if (trimmed === '') throw new QueryError(`'filter' invalid for ''. eg: price[gte]:10`);
  return parseNode(rootConjunction.test(trimmed) ? trimmed : `and(${trimmed})`);
}

/** Whether a filter mentions a field anywhere (soft-deleted rows show only when it mentions deletedAt). */
export function filterMentions(filter: Filter, field: string): boolean {
  if ('and' in filter) return filter.and.some((child) => filterMentions(child, field));
  if ('or' in filter) return filter.or.some((child) => filterMentions(child, field));
  if ('not' in filter) return filterMentions(filter.not, field);
  return filter.path[0] === field;
}

export function valueAt(record: TwentyRecord, path: readonly string[]): unknown {
  let current: unknown = record;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const isoDate = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Orders a stored value against a filter's text the way Postgres would for the column's type. */
function compareWith(actual: unknown, expected: string): number | undefined {
  if (actual === null || actual === undefined) return undefined;
  if (typeof actual === 'number') {
    const number = Number(expected);
    return Number.isNaN(number) ? undefined : actual - number;
  }
  if (typeof actual === 'boolean') return Number(actual) - Number(expected.toLowerCase() === 'true');
  const text = String(actual);
  if (isoDate.test(text) && isoDate.test(expected)) return Date.parse(text) - Date.parse(expected);
  return text < expected ? -1 : text > expected ? 1 : 0;
}

function likePattern(pattern: string, flags: string): RegExp {
  const source = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${source}$`, flags);
}

export function matches(record: TwentyRecord, filter: Filter): boolean {
  if ('and' in filter) return filter.and.every((child) => matches(record, child));
  if ('or' in filter) return filter.or.some((child) => matches(record, child));
  if ('not' in filter) return !matches(record, filter.not);
  const actual = valueAt(record, filter.path);
  const { comparator, value } = filter;
  if (comparator === 'is') {
    const isNull = actual === null || actual === undefined;
    if (value === 'NULL') return isNull;
    if (value === 'NOT_NULL') return !isNull;
    throw new QueryError(`'filter' invalid for 'is' operator. Received '${String(value)}' but NULL or NOT_NULL expected`);
  }
  if (Array.isArray(value)) {
    if (comparator === 'containsAny') return Array.isArray(actual) && actual.some((item) => value.includes(String(item)));
    return value.some((item) => compareWith(actual, item) === 0);
  }
  const order = compareWith(actual, value);
  switch (comparator) {
    case 'eq':
      return order === 0;
    case 'neq':
      return order !== undefined && order !== 0;
    case 'gt':
      return order !== undefined && order > 0;
    case 'gte':
      return order !== undefined && order >= 0;
    case 'lt':
      return order !== undefined && order < 0;
    case 'lte':
      return order !== undefined && order <= 0;
    case 'startsWith':
      return typeof actual === 'string' && actual.startsWith(value);
    case 'endsWith':
      return typeof actual === 'string' && actual.endsWith(value);
    case 'like':
      return typeof actual === 'string' && likePattern(value, 's').test(actual);
    case 'ilike':
      return typeof actual === 'string' && likePattern(value, 'is').test(actual);
    default:
      return false;
  }
}

const directions = ['AscNullsFirst', 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'] as const;
type Direction = (typeof directions)[number];
export interface OrderItem {
  path: string[];
  direction: Direction;
}

/** `field_1[AscNullsFirst],name.firstName[DescNullsLast],field_3`; `id` ascending is always appended. */
export function parseOrderBy(query: string | undefined): OrderItem[] {
  const items: OrderItem[] = [];
  for (const part of (query ?? '').split(',').filter((item) => item.trim() !== '')) {
    let fields = part.trim();
    let direction: Direction = 'AscNullsFirst';
    if (fields.includes('[') && fields.includes(']')) {
      const [name, given] = fields.replace(']', '').split('[');
      if (!(directions as readonly string[]).includes(given ?? '')) {
        throw new QueryError(
          `'order_by' direction '${given}' invalid. Allowed values are '${directions.join("', '")}'. eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3`,
        );
      }
      fields = name ?? '';
      direction = given as Direction;
    }
    items.push({ path: fields.split('.'), direction });
  }
  if (!items.some((item) => item.path.length === 1 && item.path[0] === 'id')) items.push({ path: ['id'], direction: 'AscNullsFirst' });
  return items;
}

type SortValue = string | number | boolean | null;

function sortValue(value: unknown): SortValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function compareValues(a: SortValue, b: SortValue, direction: Direction): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    const nullsFirst = direction.endsWith('NullsFirst');
    return (a === null) === nullsFirst ? -1 : 1;
  }
  const order = a < b ? -1 : a > b ? 1 : 0;
  return direction.startsWith('Asc') ? order : -order;
}

function keyOf(record: TwentyRecord, order: readonly OrderItem[]): SortValue[] {
  return order.map((item) => sortValue(valueAt(record, item.path)));
}

function compareKeys(a: readonly SortValue[], b: readonly SortValue[], order: readonly OrderItem[]): number {
  for (const [index, item] of order.entries()) {
    const result = compareValues(a[index] ?? null, b[index] ?? null, item.direction);
    if (result !== 0) return result;
  }
  return 0;
}

/** Opaque to clients, like Twenty's: the position of a record in the ordering, so a page boundary survives later writes. */
function encodeCursor(key: readonly SortValue[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string, parameter: string): SortValue[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key)) return key as SortValue[];
  } catch {
    // answered below
  }
  throw new QueryError(`Invalid cursor '${cursor}' in '${parameter}'`);
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Page {
  records: TwentyRecord[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** Sorts and cuts one page, forward from `startingAfter` or backward from `endingBefore`. */
export function paginate(
  records: readonly TwentyRecord[],
  options: { order: OrderItem[]; limit: number; startingAfter?: string | undefined; endingBefore?: string | undefined },
): Page {
  const { order, limit } = options;
  const sorted = records.map((record) => ({ record, key: keyOf(record, order) })).sort((a, b) => compareKeys(a.key, b.key, order));
  let window = sorted;
  if (options.startingAfter !== undefined) {
    const after = decodeCursor(options.startingAfter, 'starting_after');
    window = window.filter((entry) => compareKeys(entry.key, after, order) > 0);
  }
  let hasNextPage: boolean;
  let hasPreviousPage: boolean;
  let page: typeof sorted;
  if (options.endingBefore !== undefined) {
    const before = decodeCursor(options.endingBefore, 'ending_before');
    window = window.filter((entry) => compareKeys(entry.key, before, order) < 0);
    page = window.slice(Math.max(0, window.length - limit));
    hasPreviousPage = window.length > page.length;
    hasNextPage = true;
  } else {
    page = window.slice(0, limit);
    hasNextPage = window.length > page.length;
    hasPreviousPage = options.startingAfter !== undefined && window.length < sorted.length;
  }
  const first = page[0];
  const last = page[page.length - 1];
  return {
    records: page.map((entry) => entry.record),
    totalCount: records.length,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: first ? encodeCursor(first.key) : null,
      endCursor: last ? encodeCursor(last.key) : null,
    },
  };
}
