// The builder in a real browser: sign up, connect Pipedrive (a bad token first), build hook -> code -> Pipedrive, publish, run, review.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStack, type Stack } from '@switchyard/testing';
import { startPipedriveFake, type PipedriveFake } from '@switchyard/testing/fakes/pipedrive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuilderScenario } from './builder.browser.ts';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const screenshotsDir = fileURLToPath(new URL('../../../test-artifacts/screenshots', import.meta.url));

let pipedrive: PipedriveFake;
let stack: Stack;

beforeAll(async () => {
  if (!existsSync('/usr/bin/chromium'))
    throw new Error('The browser tests drive Debian’s chromium: apt-get install -y chromium (scripts/bootstrap.sh does it).');
  if (!existsSync(`${dist}/index.html`)) throw new Error('Build the web UI first: pnpm --filter @switchyard/web build (the test script does it).');
  pipedrive = await startPipedriveFake({ token: 'demo-pipedrive-token' });
  stack = await startStack({ env: { WEB_DIST_DIR: dist, OUTBOUND_ALLOW: `127.0.0.1:${pipedrive.port}` } });
});

afterAll(async () => {
  await stack?.stop();
  await pipedrive?.close();
});

describe('the builder in a browser', () => {
  it('builds catch hook -> code -> Pipedrive "create person" with a mapped name, publishes it, and shows the run with the Pipedrive request', async () => {
    const result = await runBuilderScenario({
      baseUrl: stack.url,
      pipedriveFakeOrigin: pipedrive.origin,
      pipedriveToken: 'demo-pipedrive-token',
      screenshotsDir,
    });
    expect(result.consoleErrors).toEqual([]);
    expect(result.screenshots.length).toBeGreaterThanOrEqual(10);
    const person = pipedrive.records('person').at(-1) as { name?: string } | undefined;
    expect(person?.name).toBeTruthy();
    expect(result.runId).toMatch(/^run_/);
  });
});
