// Load shedding: 503 with Retry-After while the event loop lags, and per-caller rate limits on the API routes.
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { Config } from '@switchyard/config';
import type { Redis } from '@switchyard/queue';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tooManyRequests, unavailable } from './errors.ts';

/** Liveness and metrics must answer under load: an orchestrator would otherwise restart a process that is only busy. */
const ALWAYS_ANSWERED = new Set(['/healthz', '/metrics']);

/**
 * Answers 503 with Retry-After while the event loop lags more than API_MAX_EVENT_LOOP_DELAY_MS, so a flood is refused
 * at once instead of waiting in an unbounded queue. Registered at the root: it covers every route, catch hooks included.
 */
export async function shedOverload(app: FastifyInstance, config: Config) {
  if (config.API_MAX_EVENT_LOOP_DELAY_MS === 0) return;
  const retryAfter = config.API_OVERLOAD_RETRY_AFTER_SECONDS;
  await app.register(underPressure, {
    maxEventLoopDelay: config.API_MAX_EVENT_LOOP_DELAY_MS,
    // The delay measured is a mean over one sample: a window near the threshold keeps one long stall from being averaged
    // away by many quick turns of the loop.
    sampleInterval: Math.min(1000, Math.max(10, Math.round(config.API_MAX_EVENT_LOOP_DELAY_MS / 2))),
    pressureHandler: async (request: FastifyRequest) => {
      if (ALWAYS_ANSWERED.has(request.url.split('?')[0] ?? '')) return;
      throw unavailable(`Switchyard is overloaded; retry in ${retryAfter} seconds.`, retryAfter);
    },
  });
}

/** Who a request counts against: its session or API key once resolved, its address without valid credentials. */
async function callerKey(request: FastifyRequest): Promise<string> {
  const principal = await request.principal().catch(() => null);
  if (principal?.kind === 'session') return `session:${principal.sessionId}`;
  if (principal?.kind === 'apiKey') return `key:${principal.apiKeyId}`;
  return `address:${request.ip}`;
}

/**
 * API_RATE_PER_MINUTE requests per caller per minute, counted in Redis so every API process shares the count. Registered
 * inside the /api scope: health, metrics and catch hooks (which have limits of their own) are not counted. A Redis outage
 * lets requests through rather than refusing them all.
 */
export async function limitApiRate(api: FastifyInstance, deps: { config: Config; redis: Redis }) {
  await api.register(rateLimit, {
    global: true,
    max: deps.config.API_RATE_PER_MINUTE,
    timeWindow: 60_000,
    redis: deps.redis,
    nameSpace: `${deps.config.QUEUE_PREFIX}:api-rate:`,
    skipOnError: true,
    keyGenerator: callerKey,
    errorResponseBuilder: (_request, context) =>
      tooManyRequests(context.ttl / 1000, `Too many requests: at most ${context.max} a minute per session or API key. Retry in ${context.after}.`),
  });
}
