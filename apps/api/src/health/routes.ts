// Liveness, readiness (PostgreSQL and Redis reachable) and Prometheus metrics.
import { pingRedis } from '@switchyard/queue';
import type { FastifyPluginAsync } from 'fastify';
import { Gauge, collectDefaultMetrics, type Registry } from 'prom-client';
import type { Deps } from '../http/deps.ts';

const CHECK_TIMEOUT_MS = 1_000;

async function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: FastifyPluginAsync<Deps & { registry: Registry }> = async (app, { db, redis, registry, queue }) => {
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'switchyard_run_queue_jobs',
    help: 'Run jobs in the queue by state (waiting, active, delayed, prioritized)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized').catch(() => null);
      for (const [state, count] of Object.entries(counts ?? {})) this.set({ state }, count);
    },
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const checks: Record<string, string> = {};
    const results = await Promise.allSettled([withTimeout(db.pool.query('SELECT 1'), 'PostgreSQL'), withTimeout(pingRedis(redis, CHECK_TIMEOUT_MS), 'Redis')]);
    const names = ['postgres', 'redis'];
    results.forEach((result, index) => {
      checks[names[index]!] = result.status === 'fulfilled' ? 'ok' : `error: ${(result.reason as Error).message}`;
    });
    const ready = results.every((result) => result.status === 'fulfilled');
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks });
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
};
