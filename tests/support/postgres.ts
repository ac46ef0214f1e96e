// Restarts this machine's PostgreSQL cluster for real, and queries a stack's database directly.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** `pg_ctlcluster <version> main restart`: every connection of every client is cut, as in a real restart. */
export async function restartPostgres(): Promise<number> {
  const versions = (await readdir('/etc/postgresql')).filter((name) => /^\d+$/.test(name));
  if (versions.length !== 1) throw new Error(`expected one PostgreSQL version in /etc/postgresql, found ${versions.join(', ') || 'none'}`);
  const started = Date.now();
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0]!, 'main', 'restart'], { timeout: 60_000 });
  return Date.now() - started;
}

/** Runs one query on a fresh connection (a pooled one might be a casualty of a restart). */
export async function query<Row extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}
