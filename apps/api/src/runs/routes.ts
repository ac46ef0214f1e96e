// Routes: run history (list with filters, detail with every step) and replay.
import { id, listQuery, page, Run, RunReplayInput, RunStatus, RunSummary, type StepRecord } from '@switchyard/contracts';
import { newId, Prisma } from '@switchyard/db';
import { enqueueRuns } from '@switchyard/queue';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../audit/service.ts';
import type { Deps } from '../http/deps.ts';
import { AppError, notFound } from '../http/errors.ts';
import { decodeCursor, pageOf } from '../http/pagination.ts';
import { replies } from '../http/schemas.ts';

const wsParams = z.object({ ws: id });
const runParams = z.object({ ws: id, runId: id });
const listRunsQuery = listQuery.extend({
  zapId: id.optional(),
  status: RunStatus.optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Runs created at or after this time'),
  to: z.iso.datetime({ offset: true }).optional().describe('Runs created before this time'),
  includeTests: z.enum(['true', 'false']).optional().describe('Include runs made by "test" in the builder'),
});

type RunRow = Prisma.RunGetPayload<{ include: { steps: true; triggerEvent: true } }>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toRunDetail(row: RunRow): Run {
  const steps: StepRecord[] = [...row.steps]
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || (a.id < b.id ? -1 : 1))
    .map((step) => ({
      path: step.path,
      key: step.stepKey,
      type: step.type as StepRecord['type'],
      ...(step.app ? { app: step.app } : {}),
      ...(step.action ? { action: step.action } : {}),
      status: step.status as StepRecord['status'],
      input: (step.input ?? null) as StepRecord['input'],
      output: (step.output ?? null) as StepRecord['output'],
      error: step.error,
      missing: (step.missing ?? []) as string[],
      attempts: step.attempts,
      startedAt: step.startedAt.toISOString(),
      durationMs: step.durationMs,
      requests: step.requests as StepRecord['requests'],
      logs: step.logs as string[],
    }));
  return {
    id: row.id,
    zapId: row.zapId,
    zapVersion: row.isTest ? null : row.zapVersion,
    status: row.status,
    trigger: { data: row.triggerEvent.data as Run['trigger']['data'] },
    error: row.error,
    resumeAt: iso(row.resumeAt),
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    replayOf: row.replayOfId ? { id: row.replayOfId, from: row.replayFrom === 'failed_step' ? 'failed_step' : 'start' } : null,
    steps,
  };
}

export const runRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db, queue }) => {
  const { prisma } = db;
  const base = '/api/v1/workspaces/:ws/runs';

  app.get(base, {
    schema: { tags: ['runs'], summary: 'Run history, newest first', params: wsParams, querystring: listRunsQuery, response: replies({ 200: page(RunSummary) }) },
  }, async (request) => {
    const { limit, cursor, zapId, status, from, to, includeTests } = request.query;
    const before = decodeCursor(cursor);
    const rows = await prisma.run.findMany({
      where: {
        workspaceId: request.access.workspaceId,
        ...(before ? { id: { lt: before } } : {}),
        ...(zapId ? { zapId } : {}),
        ...(status ? { status } : {}),
        ...(includeTests === 'true' ? {} : { isTest: false }),
        ...(from || to ? { createdAt: { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lt: new Date(to) } : {}) } } : {}),
      },
      orderBy: { id: 'desc' },
      take: limit + 1,
    });
    return pageOf(rows, limit, (row) => row.id, (row) => ({
      id: row.id,
      zapId: row.zapId,
      zapVersion: row.isTest ? null : row.zapVersion,
      status: row.status,
      error: row.error,
      createdAt: row.createdAt.toISOString(),
      startedAt: iso(row.startedAt),
      finishedAt: iso(row.finishedAt),
    }));
  });

  app.get(`${base}/:runId`, {
    schema: { tags: ['runs'], summary: 'One run with every step: input after templates, output, error, attempts, HTTP requests', params: runParams, response: replies({ 200: Run }) },
  }, async (request) => {
    const row = await prisma.run.findFirst({ where: { id: request.params.runId, workspaceId: request.access.workspaceId }, include: { steps: true, triggerEvent: true } });
    if (!row) throw notFound('Run');
    return toRunDetail(row);
  });

  app.post(`${base}/:runId/replay`, {
    schema: {
      tags: ['runs'],
      summary: 'Run again as a new run: from the start, or from the failed step reusing the steps that succeeded',
      params: runParams,
      body: RunReplayInput.default({ from: 'start' }),
      response: replies({ 202: z.object({ runId: z.string() }) }),
    },
  }, async (request, reply) => {
    const { workspaceId } = request.access;
    const original = await prisma.run.findFirst({ where: { id: request.params.runId, workspaceId } });
    if (!original) throw notFound('Run');
    if (original.isTest || !original.zapVersionId) throw new AppError(409, 'not_replayable', 'Test runs cannot be replayed; test the zap again instead.');
    if (!['succeeded', 'failed', 'filtered'].includes(original.status)) {
      throw new AppError(409, 'run_not_finished', `The run is ${original.status}; replay it once it has finished.`);
    }
    const from = request.body.from;
    if (from === 'failed_step' && original.status !== 'failed') {
      throw new AppError(409, 'run_not_failed', 'Only a failed run can be replayed from its failed step. Replay it from the start instead.');
    }
    const runId = newId('run');
    const principal = await request.requirePrincipal();
    await prisma.$transaction(async (tx) => {
      await tx.run.create({
        data: {
          id: runId,
          workspaceId,
          zapId: original.zapId,
          zapVersionId: original.zapVersionId,
          zapVersion: original.zapVersion,
          triggerEventId: original.triggerEventId,
          replayOfId: original.id,
          replayFrom: from,
        },
      });
      if (from === 'failed_step') {
        // The steps that succeeded are carried over, so the replay reuses their outputs and never sends them again.
        const succeeded = await tx.stepRun.findMany({ where: { runId: original.id, workspaceId, status: 'success' } });
        await tx.stepRun.createMany({
          data: succeeded.map(({ id: _id, runId: _runId, input, output, missing, requests, logs, ...rest }) => ({
            ...rest,
            id: newId('stp'),
            runId,
            input: input ?? Prisma.JsonNull,
            output: output ?? Prisma.JsonNull,
            missing: missing ?? Prisma.JsonNull,
            requests: requests ?? [],
            logs: logs ?? [],
          })),
        });
      }
      await audit(tx, principal, { workspaceId, action: 'run.replayed', targetType: 'run', targetId: original.id, details: { runId, from } });
    });
    await enqueueRuns(queue, [{ runId, workspaceId }]).catch((error: unknown) => request.log.warn({ err: error }, 'enqueue failed; the sweeper will enqueue the replay'));
    return reply.status(202).send({ runId });
  });
};
