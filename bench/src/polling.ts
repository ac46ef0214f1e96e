// Benchmark: polls per second one worker sustains across many polling zaps, and its CPU per poll, projected to 10,000 zaps at 60 s.
import { readFileSync } from 'node:fs';
import { startFeedServer, startStack, StackClient, TESTING_APPS_MODULE } from '@switchyard/testing';

export interface PollingFigures {
  pollsPerSecond: number[];
  cpuMsPerPoll: number[];
  /** Share of one core the worker needs for 10,000 zaps polled every 60 s. */
  coresFor10kZaps: number[];
}

/** User + system CPU time of a process, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

export async function benchPolling(options: { zaps: number; seconds: number; repeats: number }): Promise<PollingFigures> {
  const feed = await startFeedServer();
  for (let i = 0; i < 3; i++) feed.add(`item ${i}`);
  const stack = await startStack({
    workers: 0,
    env: {
      LOG_LEVEL: 'warn',
      CONNECTOR_MODULES: TESTING_APPS_MODULE,
      OUTBOUND_ALLOW: `127.0.0.1:${feed.port}`,
      POLL_MIN_INTERVAL_MS: '1000',
      WORKER_CONCURRENCY: '64',
    },
  });
  const figures: PollingFigures = { pollsPerSecond: [], cpuMsPerPoll: [], coresFor10kZaps: [] };
  try {
    const client = new StackClient(stack.url);
    const signup = await client.request('POST', '/api/v1/auth/signup', { email: 'poll-bench@example.com', password: 'bench-password', workspaceName: 'Polls' });
    const ws = signup.body.workspace.id as string;
    const connection = await client.request('POST', `/api/v1/workspaces/${ws}/connections`, {
      app: 'testing_account',
      name: 'feed',
      credentials: { token: 'good-token' },
    });
    // Every zap asks to be polled every second: far more than one worker can do, so the worker runs flat out.
    for (let i = 0; i < options.zaps; i++) {
      const zap = await client.request('POST', `/api/v1/workspaces/${ws}/zaps`, {
        name: `poll ${i}`,
        trigger: { app: 'testing_account', event: 'new_item', connectionId: connection.body.id, input: { url: feed.url }, pollIntervalMs: 1000 },
        steps: [],
      });
      await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${zap.body.id}/publish`);
    }
    const worker = await stack.startWorker();
    const pid = worker.child.pid!;
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // first (seeding) polls and warm-up
    for (let i = 0; i < options.repeats; i++) {
      const requestsBefore = feed.requests();
      const cpuBefore = cpuMs(pid);
      const started = Date.now();
      await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
      const polls = feed.requests() - requestsBefore;
      const cpu = cpuMs(pid) - cpuBefore;
      const pollsPerSecond = polls / ((Date.now() - started) / 1000);
      const cpuPerPoll = cpu / polls;
      figures.pollsPerSecond.push(pollsPerSecond);
      figures.cpuMsPerPoll.push(cpuPerPoll);
      figures.coresFor10kZaps.push(((10_000 / 60) * cpuPerPoll) / 1000);
      console.log(
        `  run ${i + 1}: ${Math.round(pollsPerSecond)} polls/s, ${cpuPerPoll.toFixed(2)} ms CPU per poll in the worker -> ${(((10_000 / 60) * cpuPerPoll) / 1000).toFixed(2)} cores for 10,000 zaps at 60 s`,
      );
    }
  } finally {
    await stack.stop();
    await feed.close();
  }
  return figures;
}
