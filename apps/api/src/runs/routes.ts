// Routes: run history (list with filters, detail with every step) and replay.
import { id, listQuery, page, Run, RunReplayInput, RunStatus, RunSummary } from '@switchyard/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { replies } from '../http/schemas.ts';
import { createRunService } from './service.ts';

const wsParams = z.object({ ws: id });
const runParams = z.object({ ws: id, runId: id });
const listRunsQuery = listQuery.extend({
  zapId: id.optional(),
  status: RunStatus.optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Runs created at or after this time'),
  to: z.iso.datetime({ offset: true }).optional().describe('Runs created before this time'),
  includeTests: z.enum(['true', 'false']).optional().describe('Include runs made by "test" in the builder'),
});

export const runRoutes: FastifyPluginAsyncZod<Deps> = async (app, { data, queue }) => {
  const runs = createRunService({ data, queue });
  const base = '/api/v1/workspaces/:ws/runs';

  app.get(
    base,
    {
      schema: {
        tags: ['runs'],
        summary: 'Run history, newest first',
        params: wsParams,
        querystring: listRunsQuery,
        response: replies({ 200: page(RunSummary) }),
      },
    },
    async (request) => runs.list(request.access.workspaceId, request.query),
  );

  app.get(
    `${base}/:runId`,
    {
      schema: {
        tags: ['runs'],
        summary: 'One run with every step: input after templates, output, error, attempts, HTTP requests',
        params: runParams,
        response: replies({ 200: Run }),
      },
    },
    async (request) => runs.get(request.access.workspaceId, request.params.runId),
  );

  app.post(
    `${base}/:runId/replay`,
    {
      schema: {
        tags: ['runs'],
        summary: 'Run again as a new run: from the start, or from the failed step reusing the steps that succeeded',
        params: runParams,
        body: RunReplayInput.default({ from: 'start' }),
        response: replies({ 202: z.object({ runId: z.string() }) }),
      },
    },
    async (request, reply) => {
      const replayed = await runs.replay(request.access.workspaceId, await request.requirePrincipal(), request.params.runId, request.body.from, (error) =>
        request.log.warn({ err: error }, 'enqueue failed; the sweeper will enqueue the replay'),
      );
      return reply.status(202).send(replayed);
    },
  );
};
