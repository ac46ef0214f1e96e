// Routes: zaps (CRUD, publish/unpublish, problems, export/import).
import { errorDetail, id, listQuery, page, Run, Step, Trigger, Zap, ZapInput, ZapTestInput } from '@switchyard/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { replies } from '../http/schemas.ts';
import { startListening } from '../hooks/samples.ts';
import type { ZapService } from './service.ts';
import type { createZapTester } from './test-run.ts';

const wsParams = z.object({ ws: id });
const zapParams = z.object({ ws: id, zapId: id });
/** The portable document: a reply shape (plain, so it serialises) and an import body (bounded, validated). */
const exported = z.object({ switchyard: z.literal(1), zap: z.object({ name: z.string(), trigger: Trigger, steps: z.array(Step) }) });
const importBody = z.union([z.object({ switchyard: z.literal(1), zap: ZapInput }), ZapInput]);

export const zapRoutes: FastifyPluginAsyncZod<Deps & { zaps: ZapService; testZap: ReturnType<typeof createZapTester> }> = async (
  app,
  { zaps, testZap, redis, config },
) => {
  const base = '/api/v1/workspaces/:ws/zaps';

  app.get(
    base,
    {
      schema: {
        tags: ['zaps'],
        summary: 'Zaps, newest first',
        params: wsParams,
        querystring: listQuery.extend({ q: z.string().max(200).optional().describe('Part of the name'), status: z.enum(['on', 'off']).optional() }),
        response: replies({ 200: page(Zap) }),
      },
    },
    async (request) => {
      const page = await zaps.list(request.access.workspaceId, request.query);
      return request.access.role === 'viewer' ? { ...page, data: page.data.map((zap) => zaps.forViewer(zap)) } : page;
    },
  );

  app.post(
    base,
    {
      schema: { tags: ['zaps'], summary: 'Create a zap (off, as a draft)', params: wsParams, body: ZapInput, response: replies({ 201: Zap }) },
    },
    async (request, reply) => reply.status(201).send(await zaps.create(request.access.workspaceId, await request.requirePrincipal(), request.body)),
  );

  app.get(
    `${base}/:zapId`,
    {
      schema: { tags: ['zaps'], summary: 'One zap: its draft and publication state', params: zapParams, response: replies({ 200: Zap }) },
    },
    async (request) => {
      const zap = await zaps.get(request.access.workspaceId, request.params.zapId);
      return request.access.role === 'viewer' ? zaps.forViewer(zap) : zap;
    },
  );

  app.put(
    `${base}/:zapId`,
    {
      schema: {
        tags: ['zaps'],
        summary: 'Replace the draft (a zap that is on keeps running its published version)',
        params: zapParams,
        body: ZapInput,
        response: replies({ 200: Zap }),
      },
    },
    async (request) => zaps.update(request.access.workspaceId, await request.requirePrincipal(), request.params.zapId, request.body),
  );

  app.delete(
    `${base}/:zapId`,
    {
      schema: { tags: ['zaps'], summary: 'Delete a zap and its history', params: zapParams, response: replies({ 204: z.null() }) },
    },
    async (request, reply) => {
      await zaps.remove(request.access.workspaceId, await request.requirePrincipal(), request.params.zapId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/:zapId/problems`,
    {
      schema: {
        tags: ['zaps'],
        summary: 'What keeps the draft from being published (empty when it can be)',
        params: zapParams,
        response: replies({ 200: z.object({ problems: z.array(errorDetail) }) }),
      },
    },
    async (request) => {
      const zap = await zaps.get(request.access.workspaceId, request.params.zapId);
      return { problems: await zaps.problems(request.access.workspaceId, { name: zap.name, trigger: zap.trigger, steps: zap.steps }) };
    },
  );

  app.post(
    `${base}/:zapId/publish`,
    {
      schema: { tags: ['zaps'], summary: 'Publish the draft and turn the zap on; 422 lists every problem', params: zapParams, response: replies({ 200: Zap }) },
    },
    async (request) => zaps.publish(request.access.workspaceId, await request.requirePrincipal(), request.params.zapId),
  );

  app.post(
    `${base}/:zapId/unpublish`,
    {
      schema: { tags: ['zaps'], summary: 'Turn the zap off', params: zapParams, response: replies({ 200: Zap }) },
    },
    async (request) => zaps.unpublish(request.access.workspaceId, await request.requirePrincipal(), request.params.zapId),
  );

  app.post(
    `${base}/:zapId/test`,
    {
      schema: {
        tags: ['zaps'],
        summary: 'Run the draft now with sample data (or the latest event) and return the run with every step',
        params: zapParams,
        body: ZapTestInput.default({}),
        response: replies({ 200: Run }),
      },
    },
    async (request) => testZap(request.access.workspaceId, request.params.zapId, request.body),
  );

  app.post(
    `${base}/:zapId/samples/listen`,
    {
      schema: {
        tags: ['zaps'],
        summary: 'For five minutes, keep requests to the zap’s catch hook as samples (even while it is off), without running it',
        params: zapParams,
        response: replies({ 200: z.object({ listeningUntil: z.string() }) }),
      },
    },
    async (request) => {
      await zaps.get(request.access.workspaceId, request.params.zapId);
      return { listeningUntil: (await startListening(redis, config.QUEUE_PREFIX, request.params.zapId)).toISOString() };
    },
  );

  app.get(
    `${base}/:zapId/samples`,
    {
      schema: {
        tags: ['zaps'],
        summary: 'The latest trigger data this zap received (samples and real events), newest first, for the data picker',
        params: zapParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
        response: replies({ 200: z.object({ data: z.array(z.object({ id: z.string(), source: z.string(), receivedAt: z.string(), data: z.unknown() })) }) }),
      },
    },
    async (request) => ({ data: await zaps.samples(request.access.workspaceId, request.params.zapId, request.query.limit) }),
  );

  app.post(
    `${base}/:zapId/run`,
    {
      schema: {
        tags: ['zaps'],
        summary: 'Run the published zap now ("run now"), with the data given as its trigger data',
        params: zapParams,
        body: z.object({ data: z.record(z.string(), z.unknown()).optional() }).default({}),
        response: replies({ 202: z.object({ runId: z.string() }) }),
      },
    },
    async (request, reply) =>
      reply.status(202).send(await zaps.runNow(request.access.workspaceId, await request.requirePrincipal(), request.params.zapId, request.body.data)),
  );

  app.get(
    `${base}/:zapId/export`,
    {
      schema: { tags: ['zaps'], summary: 'The zap as portable JSON (no secrets, no connection ids)', params: zapParams, response: replies({ 200: exported }) },
    },
    async (request) => zaps.exportZap(request.access.workspaceId, request.params.zapId),
  );

  app.post(
    `${base}/import`,
    {
      schema: {
        tags: ['zaps'],
        summary: 'Create a zap from exported JSON; connections are filled in where the workspace has one per app',
        params: wsParams,
        body: importBody,
        response: replies({ 201: Zap }),
      },
    },
    async (request, reply) => {
      const document = 'switchyard' in request.body ? request.body.zap : request.body;
      return reply.status(201).send(await zaps.importZap(request.access.workspaceId, await request.requirePrincipal(), document));
    },
  );
};
