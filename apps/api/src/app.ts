// Builds the Fastify application from its dependencies: plugins, error mapping and every feature's routes.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { Registry } from 'prom-client';
import { apiKeyRoutes } from './api-keys/routes.ts';
import { appRoutes } from './apps/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { connectionRoutes } from './connections/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { requestMetrics } from './health/metrics.ts';
import { healthRoutes } from './health/routes.ts';
import { createHookDirectory } from './hooks/directory.ts';
import { createIntake } from './hooks/intake.ts';
import { hookRoutes } from './hooks/routes.ts';
import { authPlugin, workspaceScope } from './http/auth.ts';
import { guardBodies, requestTimeouts } from './http/connections.ts';
import type { Deps } from './http/deps.ts';
import { registerDocs } from './http/docs.ts';
import { errorHandler, sendError } from './http/errors.ts';
import { registerJsonBodyParser } from './http/json-body.ts';
import { limitApiRate, shedOverload } from './http/load-shedding.ts';
import { refuseControlCharacters } from './http/query.ts';
import { memberRoutes } from './members/routes.ts';
import { runRoutes } from './runs/routes.ts';
import { workspaceRoutes } from './workspaces/routes.ts';
import { zapRoutes } from './zaps/routes.ts';
import { createZapService } from './zaps/service.ts';
import { createZapTester } from './zaps/test-run.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.LOG_LEVEL),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    ...requestTimeouts(config),
    // One line per request, written in onResponse with the hook key redacted, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    // The router's own refusals (a malformed URL, an overlong id) bypass setErrorHandler; send them through it too.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();

  guardBodies(app, config.HTTP_BODY_IDLE_TIMEOUT_MS);
  registerJsonBodyParser(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const webRoot = webDistDir(config.WEB_DIST_DIR);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // Client-side routes of the web UI get its index.html; everything else is a JSON 404.
    const isPage = webRoot !== null && request.method === 'GET' && !/^\/(api|hooks)\//.test(path) && (request.headers.accept ?? '').includes('text/html');
    if (isPage) return reply.sendFile('index.html');
    return sendError(reply, 404, 'route_not_found', `There is no route ${request.method} ${path}. See /api/docs for the API.`);
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, url: redactUrl(request.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: config.PUBLIC_URL.startsWith('https:'),
  });
  await shedOverload(app, config);
  await app.register(cookie);
  await app.register(authPlugin, deps);
  await registerDocs(app, config.PUBLIC_URL);
  const registry = new Registry();
  await app.register(requestMetrics, { registry });
  await app.register(healthRoutes, { ...deps, registry });

  const hooks = createHookDirectory(deps.db.pool);
  const zaps = createZapService({
    data: deps.data,
    pool: deps.db.pool,
    queue: deps.queue,
    catalog: deps.runtime.catalog,
    lifecycle: deps.lifecycle,
    publicUrl: config.PUBLIC_URL,
    onHookChanged: (key) => hooks.forget(key),
  });
  await app.register(async (api) => {
    api.addHook('preValidation', refuseControlCharacters);
    await limitApiRate(api, deps);
    await api.register(workspaceScope, deps);
    await api.register(authRoutes, deps);
    await api.register(workspaceRoutes, deps);
    await api.register(memberRoutes, deps);
    await api.register(apiKeyRoutes, deps);
    await api.register(zapRoutes, { ...deps, zaps, testZap: createZapTester(deps) });
    await api.register(runRoutes, deps);
    await api.register(connectionRoutes, deps);
    await api.register(appRoutes, deps);
    await api.register(auditRoutes, deps);
  });

  const intake = createIntake({
    pool: deps.db.pool,
    queue: deps.queue,
    maxInFlight: config.INTAKE_MAX_IN_FLIGHT,
    onEnqueueError: (error, count) => app.log.warn({ err: error, count }, 'enqueue failed after commit; the sweeper will enqueue these runs'),
  });
  app.addHook('onClose', () => intake.drain());
  await app.register(hookRoutes, { ...deps, intake, hooks });

  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
  return app;
}

/** The built web UI's folder, when it has been built. */
function webDistDir(configured: string): string | null {
  const root = configured ? resolve(configured) : fileURLToPath(new URL('../../web/dist', import.meta.url));
  return existsSync(join(root, 'index.html')) ? root : null;
}

/** Catch-hook keys are capabilities: never write them to logs. */
export function redactUrl(url: string): string {
  return url.replace(/^(\/hooks\/[a-z]+\/[^/?]+\/)[^/?]+/, '$1[key]');
}

function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token', '*.credentials', '*.secret'],
      censor: '[REDACTED]',
    },
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({ id: request.id, method: request.method, url: redactUrl(request.url) }),
    },
  };
}
