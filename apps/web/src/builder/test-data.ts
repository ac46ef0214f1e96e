// Test data in the builder: the trigger's latest data (a test, a received request) and each step's latest test output.
import { useCallback, useEffect, useState } from 'react';
import type { Run, Step, StepRecord } from '@switchyard/contracts';
import { ApiError } from '../api.ts';
import type { Catalog } from '../catalog/api.ts';
import { fetchRun, latestRun } from '../runs/api.ts';
import type { DataOrigin, DataSource } from '../templates/data.ts';
import { valueAt } from '@switchyard/contracts';
import { parseReference, splitTemplate } from '../templates/references.ts';
import { hookSamples, testZap, type HookSample, type TestInput } from '../zaps/api.ts';
import { findStep, visibleSteps, type ZapDraft } from './draft.ts';
import { stepTitle, triggerTitle } from './labels.ts';

export type TriggerData = { data: unknown; origin: Exclude<DataOrigin, 'sample' | 'none'>; at: number; sampleId?: string };

export type TestData = {
  trigger: TriggerData | null;
  /** The latest record of each step key from a test (or the latest run when the builder opened). */
  steps: Record<string, StepRecord>;
  /** The last whole-zap test, shown in the test panel. */
  lastRun: Run | null;
  samples: HookSample[];
  /** Makes a received request the trigger's test data. Keeps its identity across renders, like `setSamples`. */
  chooseSample: (sample: HookSample) => void;
  setSamples: (samples: HookSample[]) => void;
  /** Forgets the trigger's test data (its trigger changed: old data no longer describes it). */
  resetTrigger: () => void;
  /** Runs the draft up to `upToStep` (or whole) with the current trigger data; records the results. */
  run: (upToStep?: string) => Promise<Run>;
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The latest record of each step key in a run (a loop's steps keep their first iteration). */
export function recordsByKey(run: Run): Record<string, StepRecord> {
  const byKey: Record<string, StepRecord> = {};
  for (const record of run.steps) byKey[record.key] ??= record;
  return byKey;
}

export function useTestData(workspaceId: string, zapId: string, isHook: boolean): TestData {
  const [trigger, setTrigger] = useState<TriggerData | null>(null);
  const [steps, setSteps] = useState<Record<string, StepRecord>>({});
  const [lastRun, setLastRun] = useState<Run | null>(null);
  const [samples, setSamples] = useState<HookSample[]>([]);

  /** Newer data wins; data the user chose explicitly always wins. */
  const offerTrigger = useCallback((candidate: TriggerData, explicit = false) => {
    setTrigger((current) => (explicit || !current || candidate.at >= current.at ? candidate : current));
  }, []);

  // Seed from the latest run (tests included) and, for catch hooks, the requests received while listening.
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    void (async () => {
      try {
        const summary = await latestRun(workspaceId, zapId, { includeTests: true, signal });
        if (!summary) return;
        const run = await fetchRun(workspaceId, summary.id, signal);
        setSteps((current) => ({ ...recordsByKey(run), ...current }));
        offerTrigger({ data: run.trigger.data, origin: 'test', at: Date.parse(run.createdAt ?? run.startedAt ?? '') || 0 });
      } catch {
        // Test data is a convenience: without it the picker shows samples.
      }
    })();
    if (isHook) {
      hookSamples(workspaceId, zapId, signal).then(
        ({ data }) => {
          setSamples(data);
          const newest = data[0];
          if (newest) offerTrigger({ data: newest.data, origin: 'request', at: Date.parse(newest.receivedAt) || 0, sampleId: newest.id });
        },
        (error: unknown) => {
          // Older servers have no sample store (404): the hook panel still works by listening.
          if (!(error instanceof ApiError) || error.status !== 404) return;
        },
      );
    }
    return () => controller.abort();
  }, [workspaceId, zapId, isHook, offerTrigger]);

  const chooseSample = useCallback(
    (sample: HookSample) => offerTrigger({ data: sample.data, origin: 'request', at: Date.now(), sampleId: sample.id }, true),
    [offerTrigger],
  );

  const run = useCallback(
    async (upToStep?: string) => {
      const input: TestInput = {};
      if (trigger && isObject(trigger.data)) input.triggerSample = trigger.data;
      if (upToStep) input.upToStep = upToStep;
      const result = await testZap(workspaceId, zapId, input);
      setSteps((current) => ({ ...current, ...recordsByKey(result) }));
      offerTrigger({
        data: result.trigger.data,
        origin: trigger?.origin ?? 'test',
        at: Date.now(),
        ...(trigger?.sampleId ? { sampleId: trigger.sampleId } : {}),
      });
      if (!upToStep) setLastRun(result);
      return result;
    },
    [workspaceId, zapId, trigger, offerTrigger],
  );

  return {
    trigger,
    steps,
    lastRun,
    samples,
    setSamples,
    resetTrigger: () => {
      setTrigger(null);
      setSamples([]);
    },
    chooseSample,
    run,
  };
}

/** What a step's output looks like before it was tested: the action's sample, a paths step's chosen branch. */
export function sampleOutput(step: Step, catalog: Catalog): unknown {
  switch (step.type) {
    case 'action':
      return catalog.action(step.app, step.action)?.sample;
    case 'paths':
      return { branch: step.branches[0]?.name ?? null };
    case 'loop':
      return { count: 0, total: 0, truncated: false, results: [] };
    default:
      return undefined;
  }
}

/** Inside a loop its step exposes the current item: guessed from the data its `items` reference points at. */
function loopItemSample(step: Extract<Step, { type: 'loop' }>, known: DataSource[]): unknown {
  const items = step.input.items;
  let list: unknown = items;
  if (typeof items === 'string') {
    const [segment] = splitTemplate(items.trim());
    const ref = segment?.kind === 'ref' ? segment.ref : parseReference(items);
    const source = ref ? known.find((candidate) => candidate.id === ref.source) : undefined;
    list = ref && source ? valueAt(source.data, ref.path) : items.split(',').map((item) => item.trim());
  }
  return { item: Array.isArray(list) ? list[0] : undefined, index: 0 };
}

function withStatus(data: unknown, step: Step): unknown {
  // With "continue on error", later steps may branch on whether this one failed.
  if ((step.type === 'action' || step.type === 'code') && step.onError === 'continue') {
    return { ...(isObject(data) ? data : data === undefined ? {} : { value: data }), $status: 'success', $error: null };
  }
  return data;
}

export function triggerSource(draft: ZapDraft, catalog: Catalog, test: Pick<TestData, 'trigger'>): DataSource {
  const operation = catalog.trigger(draft.trigger.app, draft.trigger.event);
  const data = test.trigger?.data ?? operation?.sample;
  return {
    id: 'trigger',
    number: 1,
    title: `${triggerTitle(draft.trigger, catalog)} (${catalog.appName(draft.trigger.app)})`,
    data,
    origin: test.trigger ? test.trigger.origin : data === undefined ? 'none' : 'sample',
    fields: operation?.outputFields,
  };
}

/** Everything step `key` may map from, in order: the trigger, then each visible earlier step. */
export function sourcesFor(
  key: string | null,
  draft: ZapDraft,
  catalog: Catalog,
  test: Pick<TestData, 'trigger' | 'steps'>,
  numbers: Map<string, number>,
): DataSource[] {
  // The trigger maps nothing: it is where the data starts.
  if (key === null) return [];
  const sources: DataSource[] = [triggerSource(draft, catalog, test)];
  const inside = findStep(draft.steps, key)?.ancestors ?? [];
  for (const step of visibleSteps(draft.steps, key)) {
    const record = test.steps[step.key];
    let data: unknown;
    let origin: DataOrigin;
    // Only an app's action declares what it returns; its sample and its test output share those fields.
    const fields = step.type === 'action' ? catalog.action(step.app, step.action)?.outputFields : undefined;
    if (step.type === 'loop' && inside.includes(step)) {
      data = loopItemSample(step, sources);
      origin = 'sample';
    } else if (record && record.status === 'success') {
      data = record.output;
      origin = 'test';
    } else {
      data = sampleOutput(step, catalog);
      origin = data === undefined ? 'none' : 'sample';
    }
    sources.push({ id: step.key, number: numbers.get(step.key) ?? 0, title: stepTitle(step, catalog), data: withStatus(data, step), origin, fields });
  }
  return sources;
}
