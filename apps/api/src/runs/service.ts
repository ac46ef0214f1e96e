// Run history: runs listed with filters, one run with every step, and replays of finished runs.
import type { Run, RunReplayInput, RunStatus, StepRecord } from '@switchyard/contracts';
import { newId, Prisma } from '@switchyard/db';
import { enqueueRuns, type RunQueue } from '@switchyard/queue';
import { audit } from '../audit/service.ts';
import type { Principal } from '../http/auth.ts';
import type { Data } from '../http/data.ts';
import { AppError, notFound } from '../http/errors.ts';
import { decodeCursor, pageOf } from '../http/pagination.ts';

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

export interface RunQuery {
  limit: number;
  cursor?: string | undefined;
  zapId?: string | undefined;
  status?: RunStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  includeTests?: 'true' | 'false' | undefined;
}

export function createRunService({ data, queue }: { data: Data; queue: RunQueue }) {
  return {
    /** Newest first; runs made by "test" in the builder only when asked for. */
    async list(workspaceId: string, query: RunQuery) {
      const { limit, cursor, zapId, status, from, to, includeTests } = query;
      const before = decodeCursor(cursor);
      const rows = await data.workspace(workspaceId).run.findMany({
        where: {
          ...(before ? { id: { lt: before } } : {}),
          ...(zapId ? { zapId } : {}),
          ...(status ? { status } : {}),
          ...(includeTests === 'true' ? {} : { isTest: false }),
          ...(from || to ? { createdAt: { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lt: new Date(to) } : {}) } } : {}),
        },
        orderBy: { id: 'desc' },
        take: limit + 1,
      });
      return pageOf(
        rows,
        limit,
        (row) => row.id,
        (row) => ({
          id: row.id,
          zapId: row.zapId,
          zapVersion: row.isTest ? null : row.zapVersion,
          status: row.status,
          error: row.error,
          createdAt: row.createdAt.toISOString(),
          startedAt: iso(row.startedAt),
          finishedAt: iso(row.finishedAt),
        }),
      );
    },

    async get(workspaceId: string, runId: string): Promise<Run> {
      const row = await data.workspace(workspaceId).run.findFirst({ where: { id: runId }, include: { steps: true, triggerEvent: true } });
      if (!row) throw notFound('Run');
      return toRunDetail(row);
    },

    /**
     * A finished run again, as a new run of the same version and trigger event: from the start, or from the failed
     * step. Enqueued after the commit; when that fails, `onEnqueueError` hears of it and the sweeper enqueues it later.
     */
    async replay(workspaceId: string, principal: Principal, runId: string, from: RunReplayInput['from'], onEnqueueError: (error: unknown) => void) {
      const ws = data.workspace(workspaceId);
      const original = await ws.run.findFirst({ where: { id: runId } });
      if (!original) throw notFound('Run');
      if (original.isTest || !original.zapVersionId) throw new AppError(409, 'not_replayable', 'Test runs cannot be replayed; test the zap again instead.');
      if (!['succeeded', 'failed', 'filtered'].includes(original.status)) {
        throw new AppError(409, 'run_not_finished', `The run is ${original.status}; replay it once it has finished.`);
      }
      if (from === 'failed_step' && original.status !== 'failed') {
        throw new AppError(409, 'run_not_failed', 'Only a failed run can be replayed from its failed step. Replay it from the start instead.');
      }
      const replayId = newId('run');
      await ws.$transaction(async (tx) => {
        await tx.run.create({
          data: {
            id: replayId,
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
          const succeeded = await tx.stepRun.findMany({ where: { runId: original.id, status: 'success' } });
          await tx.stepRun.createMany({
            data: succeeded.map(({ id: _id, runId: _runId, input, output, missing, requests, logs, ...rest }) => ({
              ...rest,
              id: newId('stp'),
              runId: replayId,
              input: input ?? Prisma.JsonNull,
              output: output ?? Prisma.JsonNull,
              missing: missing ?? Prisma.JsonNull,
              requests: requests ?? [],
              logs: logs ?? [],
            })),
          });
        }
        await audit(tx, principal, { workspaceId, action: 'run.replayed', targetType: 'run', targetId: original.id, details: { runId: replayId, from } });
      });
      await enqueueRuns(queue, [{ runId: replayId, workspaceId }]).catch(onEnqueueError);
      return { runId: replayId };
    },
  };
}
