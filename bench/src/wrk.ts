// Drives HTTP load with wrk (Debian package `wrk`) and reads its report.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WrkReport {
  requestsPerSecond: number;
  total: number;
  non2xx: number;
  socketErrors: number;
  p50Ms: number;
  p99Ms: number;
}

export function ensureWrk(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary is a problem.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('The benchmarks drive load with wrk: install it with `apt-get install -y wrk` and run again.');
    }
  }
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!match) return NaN;
  const amount = Number(match[1]);
  return match[2] === 'us' ? amount / 1000 : match[2] === 'ms' ? amount : match[2] === 's' ? amount * 1000 : amount * 60_000;
}

export function runWrk(url: string, options: { connections: number; seconds: number; threads?: number; body: string }): WrkReport {
  const script = join(tmpdir(), `switchyard-wrk-${process.pid}.lua`);
  writeFileSync(script, `wrk.method = "POST"\nwrk.body = [[${options.body}]]\nwrk.headers["Content-Type"] = "application/json"\n`);
  const out = execFileSync('wrk', [`-t${options.threads ?? 2}`, `-c${options.connections}`, `-d${options.seconds}s`, '--latency', '-s', script, url], {
    encoding: 'utf8',
  });
  const number = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    total: number(/(\d+) requests in/),
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/),
    socketErrors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    p50Ms: toMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ''),
    p99Ms: toMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ''),
  };
}
