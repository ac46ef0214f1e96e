// Hook endpoints: catch hooks (any method, durable before they answer) and app webhook deliveries (verified per service).
import { DeliveryRejected, findTrigger, type Delivery, type IncomingRequest } from '@switchyard/connectors';
import { hookContext, insertSampleEvent, newId, recordZapError, type NewRun } from '@switchyard/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../http/deps.ts';
import { AppError, tooManyRequests } from '../http/errors.ts';
import { hit } from '../http/rate-limit.ts';
import { registerHookBodyParsers } from './body.ts';
import type { HookDirectory, HookTarget } from './directory.ts';
import type { Intake } from './intake.ts';
import { createRateLimiter } from './rate.ts';
import { firstSeen } from './repeats.ts';
import { isListening } from './samples.ts';

const DROPPED_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

export interface HookRouteDeps extends Deps {
  intake: Intake;
  hooks: HookDirectory;
}

/** What a zap sees as its trigger data: `{method, query, headers, body}`, credentials removed. */
export function triggerData(request: FastifyRequest) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || DROPPED_HEADERS.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return { method: request.method, query: { ...(request.query as object) }, headers, body: request.body ?? null };
}

function incoming(request: FastifyRequest): IncomingRequest {
  const { method, query, headers, body } = triggerData(request);
  // Signatures may sign headers we never store (authorization), so verification sees them all.
  const allHeaders = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]));
  return { method, query, headers: { ...headers, ...allHeaders }, body, rawBody: request.rawBody ?? '' };
}

export async function hookRoutes(app: FastifyInstance, deps: HookRouteDeps) {
  const { config, intake, hooks, runtime, vault, db, redis } = deps;
  const limiter = createRateLimiter(config.HOOK_RATE_PER_SECOND);
  registerHookBodyParsers(app, config.HOOK_MAX_BODY_BYTES);

  function admit(hook: HookTarget) {
    const wait = limiter.take(hook.workspaceId);
    if (wait > 0) throw tooManyRequests(wait, 'This workspace is receiving hook requests faster than its limit. Retry after the given time.');
  }

  /** The trigger definition behind a hook, when its app verifies or shapes deliveries. */
  function triggerOf(hook: HookTarget) {
    if (!hook.trigger) return undefined;
    const definition = runtime.catalog.apps.get(hook.trigger.app);
    return definition && findTrigger(definition, hook.trigger.event);
  }

  function runFor(hook: HookTarget, source: NewRun['source'], data: unknown): NewRun {
    return {
      runId: newId('run'),
      eventId: newId('evt'),
      workspaceId: hook.workspaceId,
      zapId: hook.zapId,
      zapVersionId: hook.versionId,
      zapVersion: hook.version!,
      source,
      data,
    };
  }

  async function accept(reply: FastifyReply, runs: NewRun[]) {
    await Promise.all(runs.map((run) => intake.submit(run)));
    const first = runs[0]?.eventId ?? null;
    return reply.send({ status: 'success', id: first, requestId: first, ...(runs.length === 1 ? {} : { ids: runs.map((run) => run.eventId) }) });
  }

  /** Starts a run for each item of a delivery that the hook has not seen before (see `keys` on Delivery). */
  async function acceptItems(reply: FastifyReply, hook: HookTarget, source: NewRun['source'], delivery: { items: unknown[]; keys?: string[] }) {
    const fresh = await firstSeen(redis, config.QUEUE_PREFIX, hook.id, delivery.items, delivery.keys);
    try {
      return await accept(
        reply,
        fresh.items.map((item) => runFor(hook, source, item)),
      );
    } catch (error) {
      await fresh.release();
      throw error;
    }
  }

  /**
   * A verified delivery its trigger cannot read starts nothing, and the zap shows why as its last error. It is answered
   * 200: sent again it would read no better, and a service that retries failed deliveries, or turns off a webhook that
   * keeps failing, should do neither over it.
   */
  async function unreadable(request: FastifyRequest, reply: FastifyReply, hook: HookTarget, problem: string) {
    const app = (hook.trigger && runtime.catalog.apps.get(hook.trigger.app)?.name) ?? 'The service';
    const message = `${app} sent a delivery at ${new Date().toISOString()} that started no run: ${problem}`;
    await recordZapError(db.pool, { workspaceId: hook.workspaceId, zapId: hook.zapId }, message);
    request.log.warn({ zapId: hook.zapId }, 'a hook delivery could not be read');
    return reply.send({ status: 'ignored', reason: problem });
  }

  /** Verification happens before anything is stored: a rejected delivery leaves no trace. */
  function deliver(receive: () => Delivery): Delivery {
    try {
      return receive();
    } catch (error) {
      if (error instanceof DeliveryRejected) throw new AppError(401, 'invalid_signature', error.message || 'The delivery’s signature does not match.');
      throw new AppError(400, 'bad_delivery', `The delivery could not be read: ${(error as Error).message}`);
    }
  }

  const hookRoute = {
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    bodyLimit: config.HOOK_MAX_BODY_BYTES,
    schema: { hide: true },
    // Machine endpoints: browser security headers buy nothing here and cost on the hot path.
    helmet: false,
  } as const;

  /** The hook each request was resolved to before its body was read. */
  const targets = new WeakMap<FastifyRequest, HookTarget>();
  function targetOf(request: FastifyRequest): HookTarget {
    const hook = targets.get(request);
    if (!hook) throw new Error('a hook route ran without resolving its hook first');
    return hook;
  }

  /** A request naming no hook: 404, or 429 once its address has had its share of 404s this minute (a key scanner). */
  async function notFound(request: FastifyRequest, message: string): Promise<AppError> {
    const limit = await hit(redis, `${config.QUEUE_PREFIX}:rl:hook404:${request.ip}`, config.HOOK_NOT_FOUND_PER_MINUTE, 60);
    if (!limit.allowed) return tooManyRequests(limit.retryAfterSeconds, 'This address asked for too many hooks that do not exist. Retry after the given time.');
    return new AppError(404, 'hook_not_found', message);
  }

  // What the URL alone decides (no such hook, the zap is off, the workspace is over its rate) is answered in onRequest,
  // before a byte of the body is read; such an early answer closes the connection (see http/connections.ts).

  app.route({
    ...hookRoute,
    method: [...hookRoute.method],
    url: '/hooks/catch/:ws/:key',
    onRequest: async (request) => {
      const { ws, key } = request.params as { ws: string; key: string };
      const hook = await hooks.find(key);
      if (!hook || hook.workspaceId !== ws || hook.kind !== 'catch') {
        throw await notFound(request, 'No catch hook has this URL. Copy the URL again from the zap’s trigger.');
      }
      if (isOn(hook)) admit(hook);
      // While the builder listens for a sample, an off zap's hook keeps what arrives as test data, and runs nothing.
      else if (!(await isListening(redis, config.QUEUE_PREFIX, hook.zapId))) {
        throw new AppError(410, 'zap_off', 'The zap behind this hook is turned off. Turn it on to accept requests.');
      }
      targets.set(request, hook);
    },
    handler: async (request, reply) => {
      const hook = targetOf(request);
      if (!isOn(hook)) {
        await insertSampleEvent(db.pool, { eventId: newId('evt'), workspaceId: hook.workspaceId, zapId: hook.zapId, data: triggerData(request) });
        return reply.send({ status: 'success', sample: true });
      }
      const trigger = triggerOf(hook);
      if (trigger?.type === 'hook' && trigger.receive) {
        const input = trigger.input.parse(hook.trigger?.input ?? {});
        const delivery = deliver(() => trigger.receive!(incoming(request), { input }));
        if ('reply' in delivery) return reply.status(delivery.reply.status).send(delivery.reply.body);
        if (delivery.problem !== undefined) return unreadable(request, reply, hook, delivery.problem);
        return acceptItems(reply, hook, 'hook', delivery);
      }
      return accept(reply, [runFor(hook, 'hook', triggerData(request))]);
    },
  });

  app.route({
    ...hookRoute,
    method: [...hookRoute.method],
    url: '/hooks/app/:ws/:key',
    onRequest: async (request) => {
      const { ws, key } = request.params as { ws: string; key: string };
      const hook = await hooks.find(key);
      if (!hook || hook.workspaceId !== ws || hook.kind !== 'app_webhook' || !hook.secret) {
        throw await notFound(request, 'No subscription has this URL.');
      }
      // An off zap's subscription still answers verification handshakes, which needs the body: its 410 comes later.
      if (isOn(hook)) admit(hook);
      targets.set(request, hook);
    },
    handler: async (request, reply) => {
      const hook = targetOf(request);
      const trigger = triggerOf(hook);
      if (trigger?.type !== 'app_webhook') throw new AppError(404, 'hook_not_found', 'No subscription has this URL.');
      const secret = vault.open<string>(hook.secret!, hookContext(hook.workspaceId, hook.id));
      const input = trigger.input.parse(hook.trigger?.input ?? {});
      const delivery = deliver(() => trigger.receive(incoming(request), { input, secret }));
      // Verification handshakes (CINNOX's challenge) are answered even before the zap is fully on.
      if ('reply' in delivery) return reply.status(delivery.reply.status).send(delivery.reply.body);
      if (!isOn(hook)) throw new AppError(410, 'zap_off', 'The zap behind this subscription is turned off.');
      if (delivery.problem !== undefined) return unreadable(request, reply, hook, delivery.problem);
      return acceptItems(reply, hook, 'app_webhook', delivery);
    },
  });
}

/** Whether the hook's zap is on with a published version to run. */
function isOn(hook: HookTarget): hook is HookTarget & { versionId: string; version: number } {
  return hook.status === 'on' && hook.versionId !== null && hook.version !== null;
}
