// Vitest config for the browser tests: a real stack (API, worker, fake Pipedrive) driven by Debian's chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { environment: 'node', include: ['tests/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 120_000, fileParallelism: false },
});
