import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, startProcess } from './index.ts';

describe('test databases', () => {
  it('creates a migrated database and drops it afterwards', async () => {
    const database = await createTestDatabase('selftest');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT to_regclass('public.runs') AS runs`);
    expect(rows[0].runs).toBe('runs');
    await client.end();
    await database.drop();
    const name = new URL(database.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: database.url.replace(name, 'postgres') });
    await admin.connect();
    expect((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount).toBe(0);
    await admin.end();
  });
});

describe('child processes', () => {
  it('waits for a line and reports a process that exits before printing it', async () => {
    const child = startProcess('packages/testing/src/fixtures/exit-early.ts', {});
    await expect(child.waitFor(/never printed/, 10_000)).rejects.toThrow(/exited with 3 before printing/);
    expect(child.output).toContain('starting');
  });
});
