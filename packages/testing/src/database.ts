// Throwaway databases for tests: each test run creates its own, migrated, and drops it afterwards.
import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, migrate } from '@switchyard/db';

export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/switchyard_${label}_${randomBytes(5).toString('hex')}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  return { url: databaseUrl, drop: () => dropDatabase(databaseUrl) };
}

/** The environment a test process of Switchyard runs with: its own database and its own Redis key namespace. */
export function testEnv(databaseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    SECRETS_KEY: randomBytes(32).toString('base64'),
    PUBLIC_URL: 'http://localhost:3000',
    QUEUE_PREFIX: `sytest_${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'silent',
    ...overrides,
  };
}
