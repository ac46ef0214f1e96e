// Cursor pagination over time-ordered ids: newest first, the cursor is the last id of the page, opaque to clients.
import { invalid } from './errors.ts';

export function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[\x20-\x7e]{1,200}$/.test(value)) {
    throw invalid('invalid_cursor', 'The cursor is not one this API gave out. Start again without it.', [
      { path: 'querystring.cursor', message: 'is not a valid cursor' },
    ]);
  }
  return value;
}

/** Given up to limit+1 rows, returns the page and the cursor of the next one. */
export function pageOf<Row, Item>(rows: Row[], limit: number, cursorOf: (row: Row) => string, map: (row: Row) => Item) {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { data: pageRows.map(map), nextCursor: more && last ? encodeCursor(cursorOf(last)) : null };
}
