// `pnpm start`'s script (scripts/start.ts, what `pnpm start` runs): every process it starts is gone once it has been sent
// SIGTERM or SIGINT. It is run without pnpm above it, as an image or a service manager runs it: pnpm itself exits on
// SIGTERM without passing it on.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, freePort, REPO_ROOT, TEST_REDIS_URL, until } from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The processes whose parent is `pid`, and theirs, read from /proc. */
async function descendants(pid: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The parent pid is the second field after the command name, which is in parentheses and may hold spaces.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of parents.get(queue.shift() ?? -1) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts scripts/start.ts with its own .env file, database, ports and Redis namespace; resolves once API and worker are up. */
async function startProduct() {
  const dir = await mkdtemp(join(tmpdir(), 'switchyard-start-'));
  const database = await createTestDatabase('start');
  const port = await freePort();
  cleanups.push(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ENV_FILE: join(dir, '.env'),
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `systart_${port}`,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      FAKES_PORT_BASE: String(await freePort()),
      // An empty UI folder of its own: the test need not build the web UI.
      WEB_DIST_DIR: dir,
      DEMO_FAKES: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  cleanups.push(async () => {
    // A failed assertion must not leave the product running.
    for (const pid of await descendants(child.pid ?? -1)) if (running(pid)) process.kill(pid, 'SIGKILL');
    child.kill('SIGKILL');
  });
  await until(
    'the API and worker to be up',
    async () => {
      if (child.exitCode !== null) throw new Error(`scripts/start.ts exited early:\n${output.join('')}`);
      const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      return up && output.join('').includes('worker ready') ? true : undefined;
    },
    90_000,
  );
  return { child, exited, output };
}

describe('scripts/start.ts', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops the API, worker and fakes on ${signal} and exits once they have`, { timeout: 120_000 }, async () => {
      const { child, exited, output } = await startProduct();
      const processes = await descendants(child.pid ?? -1);
      // pnpm, tsx and node for each of the API, the worker and the fakes.
      expect(processes.length).toBeGreaterThanOrEqual(6);

      child.kill(signal);
      const { code } = await exited;

      expect(code, output.join('')).toBe(0);
      expect(processes.filter(running), output.join('')).toEqual([]);
      expect(output.join('')).toMatch(/worker stopped/);
    });
  }
});
