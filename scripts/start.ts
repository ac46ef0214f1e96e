// `pnpm start`: first-run setup (.env with a fresh key), migrations, demo workspace, web build, then API + worker together.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dev = process.argv.includes('--dev');
// ENV_FILE points elsewhere for a second installation (or a test) beside this checkout.
const envFile = process.env.ENV_FILE || `${root}.env`;

function ensureEnvFile() {
  if (existsSync(envFile)) return;
  const template = readFileSync(`${root}.env.example`, 'utf8');
  const filled = template
    .replace(/^SECRETS_KEY=$/m, `SECRETS_KEY=${randomBytes(32).toString('base64')}`)
    // The demo's fake services listen on 127.0.0.1:4101-4105; only those private addresses are allowed.
    .replace(/^OUTBOUND_ALLOW=$/m, `OUTBOUND_ALLOW=${[4101, 4102, 4103, 4104, 4105].map((port) => `127.0.0.1:${port}`).join(',')}`);
  const demo = [
    '',
    '# Demo account and local fake services started by `pnpm start` (not read by the API or worker).',
    '# Set DEMO_FAKES=0 to run without the fakes.',
    'DEMO_EMAIL=demo@switchyard.local',
    `DEMO_PASSWORD=${randomBytes(9).toString('base64url')}`,
    'DEMO_FAKES=1',
    '',
  ].join('\n');
  writeFileSync(envFile, filled + demo, { mode: 0o600 });
  console.log('wrote .env with a fresh SECRETS_KEY (keep it: it encrypts stored credentials)');
}

ensureEnvFile();
process.loadEnvFile(envFile);
const env = { ...process.env } as Record<string, string>;
// A stopping child gets its own SHUTDOWN_TIMEOUT_MS to finish its work, and a little more to exit.
const stopGraceMs = Number(env.SHUTDOWN_TIMEOUT_MS || 20_000) + 5_000;

/** Every process started here, until its whole process group is gone. */
const children = new Map<ChildProcess, string>();
let stopping = false;

/**
 * Starts `command` in a process group of its own: pnpm and tsx each put a process between us and the API, so a
 * signal sent to the group reaches the process that does the work, whatever sits between.
 */
function start(name: string, command: string, args: string[], stdio: 'inherit' | 'pipe'): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'], detached: true });
  children.set(child, name);
  return child;
}

function run(label: string, command: string, args: string[]): Promise<void> {
  console.log(`\n==> ${label}`);
  const child = start(label, command, args, 'inherit');
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${label} failed (${signal ?? `exit ${code}`})`))));
  });
}

/** Runs a long-lived process with its output prefixed; resolves once a line matches `ready` (at once without one). */
function serve(name: string, command: string, args: string[], ready?: RegExp): Promise<void> {
  let resolveReady: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => (resolveReady = resolve));
  if (!ready) resolveReady();
  const child = start(name, command, args, 'pipe');
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        process.stdout.write(`${prefix}${line}\n`);
        if (ready?.test(line)) resolveReady();
      }
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} exited (${signal ?? code}); stopping everything`);
    void stop(1);
  });
  return isReady;
}

/** Whether any process of the group led by `pid` is still running (signal 0 only checks). */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Resolves true once every process of the group is gone, false if some are still running after `ms`. */
async function groupGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (groupAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * Sends SIGTERM to every child's process group and waits for all of them; a group still running after the grace period
 * is killed and named. Exits with `code`, or 1 when something had to be killed.
 */
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  const groups = [...children].flatMap(([child, name]) => (child.pid === undefined ? [] : [{ pid: child.pid, name }]));
  for (const { pid } of groups) signalGroup(pid, 'SIGTERM');
  const stuck: string[] = [];
  await Promise.all(
    groups.map(async ({ pid, name }) => {
      if (await groupGone(pid, stopGraceMs)) return;
      stuck.push(name);
      signalGroup(pid, 'SIGKILL');
      await groupGone(pid, 5_000);
    }),
  );
  if (stuck.length > 0) console.error(`killed ${stuck.join(', ')}: still running ${stopGraceMs} ms after SIGTERM`);
  process.exit(stuck.length > 0 ? 1 : code);
}

/**
 * `kill <pnpm>` would orphan this script: pnpm passes SIGTERM only to the shell it started, which dies without passing it
 * on. The leader of the process group we were started in is whoever launched us (pnpm, a shell's job, an image's entry
 * point), so once it is gone we stop as if signalled. Linux only (it reads /proc); elsewhere the signal must reach us.
 */
function stopWithLauncher() {
  const stat = existsSync('/proc/self/stat') ? readFileSync('/proc/self/stat', 'utf8') : '';
  // The fields after the parenthesised command name are: state, parent pid, process group.
  const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  if (!group || group === process.pid) return;
  const watch = setInterval(() => {
    try {
      process.kill(group, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') return;
      clearInterval(watch);
      console.log(`\nthe process that started this one (${group}) has exited: stopping ${[...children.values()].join(', ')}`);
      void stop(0);
    }
  }, 500);
  watch.unref();
}
stopWithLauncher();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!stopping) console.log(`\n${signal}: stopping ${[...children.values()].join(', ') || 'nothing'}`);
    void stop(0);
  });
}

/** First-run work, in order; a signal meanwhile stops the step under way and skips the rest. */
async function setUp() {
  await run('database migrations', 'pnpm', ['--silent', 'db:migrate']);
  if (env.DEMO_FAKES === '1') {
    console.log('\n==> local fake services for the demo (Daktela, CINNOX, HelpCrunch, Pipedrive, Twenty)');
    await serve('fakes', 'pnpm', ['--silent', '--filter', '@switchyard/testing', 'fakes'], /fakes ready/);
  }
  await run('demo workspace', 'pnpm', ['--silent', '--filter', '@switchyard/api', 'seed']);
  // A WEB_DIST_DIR of one's own is a UI built elsewhere: building ours would not change what the API serves.
  if (!dev && !env.WEB_DIST_DIR) await run('web UI build', 'pnpm', ['--silent', '--filter', '@switchyard/web', 'build']);
}

try {
  await setUp();
} catch (error) {
  if (!stopping) {
    console.error((error as Error).message);
    await stop(1);
  }
}

if (!stopping) {
  console.log(`\n==> starting API and worker${dev ? ' and the web dev server' : ''}`);
  void serve('api', 'pnpm', ['--silent', '--filter', '@switchyard/api', 'start']);
  void serve('worker', 'pnpm', ['--silent', '--filter', '@switchyard/worker', 'start']);
  if (dev) void serve('web', 'pnpm', ['--silent', '--filter', '@switchyard/web', 'dev']);
  const url = dev ? 'http://localhost:5173' : env.PUBLIC_URL;
  console.log(`\nSwitchyard: ${url}  (API docs: ${env.PUBLIC_URL}/api/docs)`);
  console.log(`Demo login: ${env.DEMO_EMAIL} / ${env.DEMO_PASSWORD}\nPress Ctrl+C to stop.\n`);
}
