// `pnpm db:migrate`: creates the database if needed and applies pending migrations.
import { ensureDatabase, migrate } from './migrate.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: set it to a PostgreSQL URL, e.g. postgres://postgres@127.0.0.1:5432/switchyard');
  process.exit(1);
}
try {
  if (await ensureDatabase(url)) console.log('created database');
  const result = await migrate(url, { log: (line) => console.log(line) });
  console.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exit(1);
}
