// `pnpm start`: first-run setup (.env with a fresh key), migrations, demo workspace, web build, then API + worker together.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dev = process.argv.includes('--dev');
const envFile = `${root}.env`;

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

function run(label: string, command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    console.log(`\n==> ${label}`);
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${label} failed (exit ${code})`))));
  });
}

const children: ChildProcess[] = [];
/** Runs a long-lived process with its output prefixed; resolves once a line matches `ready` (at once without one). */
function serve(name: string, command: string, args: string[], ready?: RegExp): Promise<void> {
  let resolveReady: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => (resolveReady = resolve));
  if (!ready) resolveReady();
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping everything`);
      void stop(1);
    }
  });
  children.push(child);
  return isReady;
}

let stopping = false;
async function stop(code: number) {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.on('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  await run('database migrations', 'pnpm', ['--silent', 'db:migrate']);
  if (env.DEMO_FAKES === '1') {
    console.log('\n==> local fake services for the demo (Daktela, CINNOX, HelpCrunch, Pipedrive, Twenty)');
    await serve('fakes', 'pnpm', ['--silent', '--filter', '@switchyard/testing', 'fakes'], /fakes ready/);
  }
  await run('demo workspace', 'pnpm', ['--silent', '--filter', '@switchyard/api', 'seed']);
  if (!dev) await run('web UI build', 'pnpm', ['--silent', '--filter', '@switchyard/web', 'build']);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

console.log(`\n==> starting API and worker${dev ? ' and the web dev server' : ''}`);
void serve('api', 'pnpm', ['--silent', '--filter', '@switchyard/api', 'start']);
void serve('worker', 'pnpm', ['--silent', '--filter', '@switchyard/worker', 'start']);
if (dev) void serve('web', 'pnpm', ['--silent', '--filter', '@switchyard/web', 'dev']);
const url = dev ? 'http://localhost:5173' : env.PUBLIC_URL;
console.log(`\nSwitchyard: ${url}  (API docs: ${env.PUBLIC_URL}/api/docs)`);
console.log(`Demo login: ${env.DEMO_EMAIL} / ${env.DEMO_PASSWORD}\nPress Ctrl+C to stop.\n`);
