// Tests of draft edits: nested inserts, moves and removals by key, unique keys, renames that keep references working.
import type { Step } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { applyEdit, insertStep, keyProblem, moveStep, removeStep, stepNumbers, uniqueKey, visibleSteps, type ZapDraft } from './draft.ts';

const code = (key: string, code = 'return {}'): Step => ({ key, type: 'code', input: { code }, onError: 'halt' });

const steps: Step[] = [
  code('first'),
  {
    key: 'route',
    type: 'paths',
    branches: [
      { name: 'A', conditions: [], steps: [code('in_a'), code('in_a2')] },
      { name: 'B', conditions: [], steps: [code('in_b')] },
    ],
  },
  { key: 'each', type: 'loop', input: { items: '{{trigger.lines}}' }, steps: [code('inner')] },
  code('last'),
];

describe('draft edits', () => {
  it('inserts into a branch and moves and removes steps inside it by key', () => {
    const added = insertStep(steps, { parent: 'route', branch: 1 }, 0, code('new_b'));
    const route = added[1];
    expect(route?.type === 'paths' && route.branches[1]?.steps.map((step) => step.key)).toEqual(['new_b', 'in_b']);

    const moved = moveStep(steps, 'in_a2', -1);
    expect(moved[1]?.type === 'paths' && moved[1].branches[0]?.steps.map((step) => step.key)).toEqual(['in_a2', 'in_a']);
    expect(moveStep(steps, 'first', -1)).toBe(steps);
    // A drag moves a step several places at once, within its own list only.
    expect(moveStep(steps, 'first', 2).map((step) => step.key)).toEqual([steps[1]!.key, steps[2]!.key, 'first', ...steps.slice(3).map((step) => step.key)]);
    expect(moveStep(steps, 'first', steps.length)).toBe(steps);

    const removed = removeStep(steps, 'inner');
    expect(removed[2]?.type === 'loop' && removed[2].steps).toEqual([]);
  });

  it('numbers the trigger 1 and every step depth first', () => {
    expect([...stepNumbers(steps)]).toEqual([
      ['first', 2],
      ['route', 3],
      ['in_a', 4],
      ['in_a2', 5],
      ['in_b', 6],
      ['each', 7],
      ['inner', 8],
      ['last', 9],
    ]);
  });

  it('lets a step see earlier steps, branch steps after a paths step, and its loop, but not its own paths step or a loop’s inside', () => {
    expect(visibleSteps(steps, 'in_a2').map((step) => step.key)).toEqual(['first', 'in_a']);
    expect(visibleSteps(steps, 'inner').map((step) => step.key)).toEqual(['first', 'route', 'in_a', 'in_a2', 'in_b', 'each']);
    expect(visibleSteps(steps, 'last').map((step) => step.key)).toEqual(['first', 'route', 'in_a', 'in_a2', 'in_b', 'each']);
  });

  it('makes readable unique keys and explains bad ones', () => {
    expect(uniqueKey('Create Person', steps)).toBe('create_person');
    expect(uniqueKey('first', steps)).toBe('first_2');
    expect(uniqueKey('2fa', steps)).toBe('step_2fa');
    expect(keyProblem('in_a', steps)).toMatch(/already uses/);
    expect(keyProblem('in_a', steps, 'in_a')).toBeNull();
    expect(keyProblem('has-dash', steps)).toMatch(/letters, digits and _/);
  });

  it('renames a key and rewrites the references to it', () => {
    const draft: ZapDraft = {
      name: 'x',
      trigger: { app: 'webhooks', event: 'catch_hook' },
      steps: [
        code('shape'),
        { key: 'deal', type: 'action', app: 'pipedrive', action: 'create_deal', input: { title: '{{steps.shape.title}}' }, onError: 'halt' },
      ],
    };
    const renamed = applyEdit(draft, { type: 'rename-key', from: 'shape', to: 'format' });
    expect(renamed.steps.map((step) => step.key)).toEqual(['format', 'deal']);
    expect(renamed.steps[1]?.type === 'action' && renamed.steps[1].input).toEqual({ title: '{{steps.format.title}}' });
  });
});
