// The worker's Prometheus metrics: run outcomes and durations per trigger app, served on WORKER_METRICS_PORT.
import { createServer, type Server } from 'node:http';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const runsFinished = new Counter({
  name: 'switchyard_runs_finished_total',
  help: 'Runs that reached a final status (or parked, for delays), by status and trigger app',
  labelNames: ['status', 'app'],
  registers: [registry],
});

export const runDuration = new Histogram({
  name: 'switchyard_run_execution_seconds',
  help: 'Time a worker spent executing a run (one job), by trigger app',
  labelNames: ['app'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const pollsDone = new Counter({
  name: 'switchyard_polls_total',
  help: 'Polls of polling zaps, by outcome',
  labelNames: ['outcome'],
  registers: [registry],
});

/** Serves /metrics on the port (0: no server); resolves once it listens, so "worker ready" means scrapable. */
export async function serveMetrics(port: number): Promise<Server | null> {
  if (port === 0) return null;
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE' ? `WORKER_METRICS_PORT ${port} is already in use: choose another port, or 0 for no metrics server` : error.message,
        ),
      ),
    );
    server.listen(port, '0.0.0.0', resolve);
  });
  return server;
}
