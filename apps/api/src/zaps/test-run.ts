// "Test" in the builder: runs the draft now, in this process, with sample data, and returns the run with every step.
import { ZapDefinition, type Run, type ZapTestInput } from '@switchyard/contracts';
import { finishRun, insertEventsAndRuns, newId } from '@switchyard/db';
import type { WorkspaceData } from '../http/data.ts';
import type { Deps } from '../http/deps.ts';
import { invalid, notFound } from '../http/errors.ts';
import { toRunDetail } from '../runs/service.ts';
import { formatIssuePath } from './service.ts';

const TEST_TIMEOUT_MS = 120_000;

export function createZapTester({ data, db, runtime }: Deps) {
  /** The trigger data to test with: the caller's sample, else the zap's latest real event, else the trigger's own sample. */
  async function sampleFor(ws: WorkspaceData, zapId: string, app: string, event: string): Promise<unknown> {
    const latest = await ws.triggerEvent.findFirst({
      where: { zapId, source: { not: 'test' } },
      orderBy: { receivedAt: 'desc' },
      select: { data: true },
    });
    return latest?.data ?? runtime.catalog.triggerSample(app, event) ?? {};
  }

  return async function testZap(workspaceId: string, zapId: string, input: ZapTestInput): Promise<Run> {
    const ws = data.workspace(workspaceId);
    const zap = await ws.zap.findFirst({ where: { id: zapId }, include: { publishedVersion: true } });
    if (!zap) throw notFound('Zap');
    const parsed = ZapDefinition.safeParse(zap.draft);
    if (!parsed.success) {
      throw invalid(
        'zap_invalid',
        'The draft is not a complete zap yet.',
        parsed.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message })),
      );
    }
    const definition = parsed.data;
    const trigger = input.triggerSample ?? (await sampleFor(ws, zapId, definition.trigger.app, definition.trigger.event));
    const run = { id: newId('run'), workspaceId };
    await insertEventsAndRuns(db.pool, [
      {
        runId: run.id,
        eventId: newId('evt'),
        workspaceId,
        zapId,
        zapVersionId: null,
        zapVersion: zap.publishedVersion?.version ?? 0,
        source: 'test',
        data: trigger,
        isTest: true,
      },
    ]);
    await ws.run.update({ where: { id: run.id }, data: { status: 'running', startedAt: new Date() } });
    try {
      await runtime.runner.runDefinition(run, definition, trigger, [], {
        signal: AbortSignal.timeout(TEST_TIMEOUT_MS),
        ...(input.upToStep ? { stopAfterStep: input.upToStep } : {}),
      });
    } catch (error) {
      await finishRun(db.pool, run, { status: 'failed', error: `The test stopped: ${(error as Error).message}` }, [], newId);
    }
    const row = await ws.run.findFirstOrThrow({ where: { id: run.id }, include: { steps: true, triggerEvent: true } });
    return toRunDetail(row);
  };
}
