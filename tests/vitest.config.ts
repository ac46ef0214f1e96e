// System suites (start, faults, security): real processes against the machine's PostgreSQL and Redis, one file at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['start/**/*.test.ts', 'faults/**/*.test.ts', 'security/**/*.test.ts'],
    // The fault suite restarts PostgreSQL and kills workers: nothing may run beside it.
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
