// Tests of a run's page: trigger data, the step timeline with HTTP requests, and replay from the failed step.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '../test/fetch-stub.ts';
import { renderInWorkspace } from '../test/render.tsx';
import { RunDetailPage } from './RunDetailPage.tsx';
import { pathContext } from './StepTimeline.tsx';

const BASE = '/api/v1/workspaces/ws_1';

const run = {
  id: 'run_1',
  zapId: 'zap_1',
  zapVersion: 2,
  status: 'failed',
  trigger: { data: { body: { name: 'Grace Hopper' } } },
  error: 'Pipedrive answered 400: name is required',
  createdAt: '2025-01-01T10:00:00Z',
  startedAt: '2025-01-01T10:00:00Z',
  finishedAt: '2025-01-01T10:00:02Z',
  steps: [
    {
      path: 'shape',
      key: 'shape',
      type: 'code',
      status: 'success',
      input: { inputData: { name: 'Grace Hopper' } },
      output: { first: 'Grace' },
      error: null,
      missing: [],
      attempts: 1,
      startedAt: '2025-01-01T10:00:00Z',
      durationMs: 12,
      requests: [],
      logs: ['shaping Grace Hopper'],
    },
    {
      path: 'person',
      key: 'person',
      type: 'action',
      app: 'pipedrive',
      action: 'create_person',
      status: 'error',
      input: { name: '' },
      output: null,
      error: 'Pipedrive answered 400: name is required',
      missing: ['trigger.body.fullName'],
      attempts: 1,
      startedAt: '2025-01-01T10:00:01Z',
      durationMs: 230,
      requests: [
        {
          method: 'POST',
          url: 'https://api.pipedrive.com/api/v2/persons',
          status: 400,
          requestBody: { name: '' },
          responseBody: { success: false, error: 'name is required' },
        },
      ],
      logs: [],
    },
  ],
};

describe('RunDetailPage', () => {
  it('shows the trigger data and each step; a failed step opens on its error, request and response', async () => {
    stubFetch({
      [`GET ${BASE}/runs/run_1`]: { body: run },
      [`GET ${BASE}/zaps/zap_1`]: { status: 404, body: { error: { code: 'not_found', message: 'Zap not found' } } },
      'GET /api/v1/apps': { body: [] },
    });
    renderInWorkspace(<RunDetailPage runId="run_1" />);
    await screen.findByRole('heading', { name: 'Trigger data' });
    expect(screen.getByRole('group', { name: 'Trigger data' }).textContent).toContain('Grace Hopper');

    const failed = screen.getByRole('button', { name: /person/ });
    expect(failed.getAttribute('aria-expanded')).toBe('true');
    const requests = screen.getByRole('region', { name: 'HTTP requests' });
    expect(requests.textContent).toContain('POST');
    expect(requests.textContent).toContain('https://api.pipedrive.com/api/v2/persons');
    expect(requests.textContent).toContain('400');
    expect(within(requests).getByRole('group', { name: 'Response body' }).textContent).toContain('name is required');
    expect(screen.getByText('This reference was empty:').textContent).toContain('{{trigger.body.fullName}}');

    const code = screen.getByRole('button', { name: /shape/ });
    expect(code.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(code);
    expect(screen.getByRole('region', { name: 'Logs' }).textContent).toContain('shaping Grace Hopper');
  });

  it('replays from the failed step and opens the new run', async () => {
    const calls = stubFetch({
      [`GET ${BASE}/runs/run_1`]: { body: run },
      [`GET ${BASE}/runs/run_2`]: { body: { ...run, id: 'run_2', status: 'running', error: null, steps: [run.steps[0]] } },
      [`GET ${BASE}/zaps/zap_1`]: { status: 404, body: { error: { code: 'not_found', message: 'Zap not found' } } },
      'GET /api/v1/apps': { body: [] },
      [`POST ${BASE}/runs/run_1/replay`]: { status: 202, body: { runId: 'run_2' } },
    });
    renderInWorkspace(<RunDetailPage runId="run_1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Replay from the failed step' }));
    await waitFor(() => expect(window.location.pathname).toBe('/w/ws_1/runs/run_2'));
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ from: 'failed_step' });
  });

  it('says which run a replay replays, and from where', async () => {
    stubFetch({
      [`GET ${BASE}/runs/run_2`]: { body: { ...run, id: 'run_2', replayOf: { id: 'run_1', from: 'failed_step' } } },
      [`GET ${BASE}/zaps/zap_1`]: { status: 404, body: { error: { code: 'not_found', message: 'Zap not found' } } },
      'GET /api/v1/apps': { body: [] },
    });
    renderInWorkspace(<RunDetailPage runId="run_2" />);
    const banner = await screen.findByText(/This run replays/);
    expect(banner.textContent).toBe('This run replays an earlier run with the same trigger data, from its failed step on.');
    expect(within(banner).getByRole('link', { name: 'an earlier run' }).getAttribute('href')).toBe('/w/ws_1/runs/run_1');
  });
});

describe('pathContext', () => {
  it('says where a nested step ran', () => {
    expect(pathContext('deal')).toBeNull();
    expect(pathContext('route/failed/deal')).toBe('path “failed” of route');
    expect(pathContext('each[3]/inner')).toBe('item 4 of each');
    expect(pathContext('route/vip/each[0]/inner')).toBe('path “vip” of route › item 1 of each');
  });
});
