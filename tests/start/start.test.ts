// `pnpm start` and the script it runs (scripts/start.ts): every process they start is gone once sent SIGTERM or SIGINT.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
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

/** Each pid with its command line, for a failure message. */
async function described(pids: number[]): Promise<string[]> {
  return Promise.all(pids.map(async (pid) => `${pid} ${(await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ')}`));
}

/** Whether `pid` is still running: an exited process its new parent has not yet reaped (a zombie) is not. */
async function running(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** The pids of `pids` still running. */
async function stillRunning(pids: number[]): Promise<number[]> {
  const states = await Promise.all(pids.map(running));
  return pids.filter((_, index) => states[index]);
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first of five consecutive free ports for the demo fakes, none of them `taken`. */
async function freeFakesBase(taken: number): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const ports = [0, 1, 2, 3, 4].map((offset) => base + offset);
    if (!ports.includes(taken) && (await Promise.all(ports.map(bindable))).every(Boolean)) return base;
  }
}

/**
 * Starts `pnpm start` (in a process group of its own, as a shell starts a job) or its script directly, with its own .env
 * file, database, ports and Redis namespace; resolves once API and worker are up.
 */
async function startProduct(how: 'pnpm' | 'script') {
  const dir = await mkdtemp(join(tmpdir(), 'switchyard-start-'));
  const database = await createTestDatabase('start');
  const port = await freePort();
  cleanups.push(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });
  const [command, ...args] = how === 'pnpm' ? ['pnpm', 'start'] : [process.execPath, '--import', 'tsx', 'scripts/start.ts'];
  const child = spawn(command ?? 'pnpm', args, {
    detached: how === 'pnpm',
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
      FAKES_PORT_BASE: String(await freeFakesBase(port)),
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
    for (const pid of await stillRunning(await descendants(child.pid ?? -1))) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // It exited meanwhile.
      }
    }
    child.kill('SIGKILL');
  });
  await until(
    'the API and worker to be up',
    async () => {
      if (child.exitCode !== null) throw new Error(`${how} exited early:\n${output.join('')}`);
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

describe('pnpm start', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`its script stops the API, worker and fakes on ${signal} and exits once they have`, { timeout: 120_000 }, async () => {
      const { child, exited, output } = await startProduct('script');
      const processes = await descendants(child.pid ?? -1);
      // pnpm, tsx and node for each of the API, the worker and the fakes.
      expect(processes.length).toBeGreaterThanOrEqual(6);

      child.kill(signal);
      const { code } = await exited;

      expect(code, output.join('')).toBe(0);
      expect(await described(await stillRunning(processes)), output.join('')).toEqual([]);
      expect(output.join('')).toMatch(/worker stopped/);
    });
  }

  it('stops everything it started when pnpm itself is sent SIGTERM (pnpm does not pass it on)', { timeout: 120_000 }, async () => {
    const { child, exited, output } = await startProduct('pnpm');
    const processes = await descendants(child.pid ?? -1);
    expect(processes.length).toBeGreaterThanOrEqual(6);

    child.kill('SIGTERM');
    await exited;

    await until('every process pnpm start started to exit', async () => ((await stillRunning(processes)).length > 0 ? undefined : true), 60_000).catch(
      async (error: Error) => {
        throw new Error(`${error.message}; still running: ${(await described(await stillRunning(processes))).join(', ')}\n${output.join('')}`);
      },
    );
    expect(output.join('')).toMatch(/has exited: stopping/);
  });
});
