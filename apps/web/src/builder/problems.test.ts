// Tests of publish-problem mapping: each API problem lands on the step (or trigger) it concerns and the field inside it.
import type { Step } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import type { ZapDraft } from './draft.ts';
import { indexProblems, locateProblem, parseProblemPath } from './problems.ts';

const steps: Step[] = [
  { key: 'only_high', type: 'filter', conditions: [[{ left: '{{trigger.priority}}', op: 'equals', right: 'HIGH' }]] },
  {
    key: 'route',
    type: 'paths',
    branches: [
      { name: 'failed', conditions: [], steps: [{ key: 'notify', type: 'action', app: 'http', action: 'request', input: {}, onError: 'halt' }] },
      {
        name: 'otherwise',
        conditions: [],
        steps: [{ key: 'each', type: 'loop', input: { items: '' }, steps: [{ key: 'inner', type: 'code', input: { code: '' }, onError: 'halt' }] }],
      },
    ],
  },
];
const draft: ZapDraft = { name: 'Zap', trigger: { app: 'schedule', event: 'schedule', input: {} }, steps };

describe('publish problems', () => {
  it('parses paths with indexes', () => {
    expect(parseProblemPath('steps[1].branches[0].steps[0].input.url')).toEqual(['steps', 1, 'branches', 0, 'steps', 0, 'input', 'url']);
    expect(parseProblemPath('steps[0].conditions[0][1].left')).toEqual(['steps', 0, 'conditions', 0, 1, 'left']);
  });

  it('puts a problem on the innermost step its path names, with the field inside that step', () => {
    expect(locateProblem({ path: 'steps[1].branches[0].steps[0].input.url', message: '' }, draft)).toEqual({
      scope: 'step',
      key: 'notify',
      field: 'input.url',
    });
    expect(locateProblem({ path: 'steps[1].branches[1].steps[0].steps[0].input.code', message: '' }, draft)).toEqual({
      scope: 'step',
      key: 'inner',
      field: 'input.code',
    });
    expect(locateProblem({ path: 'steps[0].conditions[0][0].right', message: '' }, draft)).toEqual({
      scope: 'step',
      key: 'only_high',
      field: 'conditions[0][0].right',
    });
    expect(locateProblem({ path: 'steps[1].branches[1].name', message: '' }, draft)).toEqual({ scope: 'step', key: 'route', field: 'branches[1].name' });
  });

  it('puts trigger problems on the trigger and falls back to the step key, then the zap', () => {
    expect(locateProblem({ path: 'trigger.input.cron', message: '' }, draft)).toEqual({ scope: 'trigger', field: 'input.cron' });
    expect(locateProblem({ path: 'steps[9].key', message: '', stepKey: 'route' }, draft)).toEqual({ scope: 'step', key: 'route', field: '' });
    expect(locateProblem({ path: 'name', message: 'must not be empty' }, draft)).toEqual({ scope: 'zap', field: 'name' });
  });

  it('indexes problems so a step finds its own by field, and a field form finds its own by name', () => {
    const index = indexProblems(
      [
        { path: 'steps[1].branches[0].steps[0].input.url', message: '"url" is required', code: 'missing_input', stepKey: 'notify' },
        { path: 'steps[1].branches[0].steps[0].input.method', message: '"method" is required', code: 'missing_input', stepKey: 'notify' },
        { path: 'steps[1].branches[0].steps[0].connectionId', message: 'Choose a connection', code: 'missing_connection', stepKey: 'notify' },
        { path: 'trigger.input.cron', message: 'Cron is required', code: 'missing_input' },
      ],
      draft,
    );
    expect(index.total).toBe(4);
    const notify = index.step('notify');
    expect(notify.count).toBe(3);
    expect(notify.under('input').at('url')).toBe('"url" is required');
    expect(notify.at('connectionId')).toBe('Choose a connection');
    expect(notify.except(['input'])).toEqual([{ path: 'connectionId', message: 'Choose a connection', code: 'missing_connection' }]);
    expect(index.trigger.under('input').at('cron')).toBe('Cron is required');
    expect(index.step('route').count).toBe(0);
    expect([...index.stepKeys]).toEqual(['notify']);
  });
});
