import { describe, expect, it } from 'vitest';
import { Run, RunReplayInput, StepRecord } from './run.ts';
import { RunStatus } from './zap.ts';

const record = {
  path: 'route/failed/deal',
  key: 'deal',
  type: 'action',
  app: 'pipedrive',
  action: 'create_deal',
  status: 'error',
  input: { title: 'X' },
  output: null,
  error: 'Pipedrive: title is required',
  missing: ['steps.shape.title'],
  attempts: 3,
  startedAt: '2024-03-05T10:00:00.000Z',
  durationMs: 1520,
  requests: [
    {
      method: 'POST',
      url: 'https://api.pipedrive.com/v1/deals',
      status: 400,
      requestBody: { title: 'X' },
      responseBody: { error: 'title is required' },
      durationMs: 120,
    },
  ],
  logs: [],
};

describe('run contracts', () => {
  it('accepts a full step record with its requests', () => {
    expect(StepRecord.parse(record)).toEqual(record);
  });

  it('accepts a request that never got a status (a network error)', () => {
    expect(StepRecord.safeParse({ ...record, requests: [{ ...record.requests[0], status: null, responseBody: null }] }).success).toBe(true);
  });

  it('knows every run status of the API contract', () => {
    expect(RunStatus.options).toEqual(['queued', 'running', 'waiting', 'succeeded', 'failed', 'filtered']);
  });

  it('describes a run with its trigger data and steps', () => {
    const run = {
      id: 'run_1',
      zapId: 'zap_1',
      zapVersion: 2,
      status: 'failed',
      trigger: { data: { title: 'X' } },
      startedAt: '2024-03-05T10:00:00.000Z',
      finishedAt: '2024-03-05T10:00:02.000Z',
      steps: [record],
    };
    expect(Run.parse(run).steps).toHaveLength(1);
  });

  it('defaults a replay to the start', () => {
    expect(RunReplayInput.parse({})).toEqual({ from: 'start' });
    expect(RunReplayInput.safeParse({ from: 'middle' }).success).toBe(false);
  });
});
