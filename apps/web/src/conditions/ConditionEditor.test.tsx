// Tests of the condition editor: AND rules within a group, OR groups, unary operators, removal and problems.
import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FieldProblems } from '../builder/problems.ts';
import { ConditionEditor, type Conditions } from './ConditionEditor.tsx';

function Harness({ initial, problems }: { initial: Conditions; problems?: FieldProblems }) {
  const [conditions, setConditions] = useState(initial);
  return (
    <>
      <ConditionEditor name="Filter" conditions={conditions} onChange={setConditions} problems={problems} emptyText="No rules: every run continues." />
      <output data-testid="value">{JSON.stringify(conditions)}</output>
    </>
  );
}

const valueNow = (): unknown => JSON.parse(screen.getByTestId('value').textContent ?? '[]');

function type(box: HTMLElement, text: string) {
  box.textContent = text;
  fireEvent.input(box);
}

describe('ConditionEditor', () => {
  it('builds AND rules inside a group and OR groups between them', () => {
    render(<Harness initial={[[{ left: '', op: 'equals', right: '' }]]} />);
    type(screen.getByRole('textbox', { name: 'Value to check, rule 1' }), '{{trigger.priority}}');
    type(screen.getByRole('textbox', { name: 'Compare with, rule 1' }), 'HIGH');

    fireEvent.click(screen.getByRole('button', { name: 'Add an “and” rule' }));
    type(screen.getByRole('textbox', { name: 'Value to check, rule 2' }), '{{trigger.amount}}');
    fireEvent.change(screen.getByRole('combobox', { name: 'Condition, rule 2' }), { target: { value: 'gt' } });
    type(screen.getByRole('textbox', { name: 'Compare with, rule 2' }), '100');

    fireEvent.click(screen.getByRole('button', { name: 'Or' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Condition, rule 1 of group 2' }), { target: { value: 'is_true' } });
    type(screen.getByRole('textbox', { name: 'Value to check, rule 1 of group 2' }), '{{trigger.vip}}');

    expect(valueNow()).toEqual([
      [
        { left: '{{trigger.priority}}', op: 'equals', right: 'HIGH' },
        { left: '{{trigger.amount}}', op: 'gt', right: '100' },
      ],
      [{ left: '{{trigger.vip}}', op: 'is_true' }],
    ]);
    // A unary operator needs no value to compare with.
    expect(screen.queryByRole('textbox', { name: 'Compare with, rule 1 of group 2' })).toBeNull();
    expect(screen.getByRole('group', { name: 'Filter: group 2 (all of these)' })).toBeTruthy();
  });

  it('removes rules, and a group with its last rule, down to “no rules”', () => {
    render(
      <Harness
        initial={[
          [
            { left: 'a', op: 'equals', right: '1' },
            { left: 'b', op: 'exists' },
          ],
          [{ left: 'c', op: 'contains', right: 'x' }],
        ]}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove rule 1 of group 2' }));
    expect(valueNow()).toEqual([
      [
        { left: 'a', op: 'equals', right: '1' },
        { left: 'b', op: 'exists' },
      ],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    expect(valueNow()).toEqual([]);
    expect(screen.getByText('No rules: every run continues.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    expect(valueNow()).toEqual([[{ left: '', op: 'equals', right: '' }]]);
  });

  it('keeps the value to compare with when switching between operators that use one', () => {
    render(<Harness initial={[[{ left: '{{trigger.email}}', op: 'contains', right: '@acme' }]]} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Condition, rule 1' }), { target: { value: 'ends_with' } });
    expect(valueNow()).toEqual([[{ left: '{{trigger.email}}', op: 'ends_with', right: '@acme' }]]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Condition, rule 1' }), { target: { value: 'not_exists' } });
    expect(valueNow()).toEqual([[{ left: '{{trigger.email}}', op: 'not_exists' }]]);
  });

  it('shows a rule’s problem under it and marks the side at fault', () => {
    render(
      <Harness
        initial={[[{ left: '{{steps.nobody.x}}', op: 'matches_regex', right: '(' }]]}
        problems={new FieldProblems([{ path: '[0][0].right', message: 'Invalid regular expression: missing )' }])}
      />,
    );
    const group = screen.getByRole('group', { name: 'Filter: all of these' });
    expect(within(group).getByText('Invalid regular expression: missing )')).toBeTruthy();
    expect(within(group).getByRole('textbox', { name: 'Compare with, rule 1' }).getAttribute('aria-invalid')).toBe('true');
    expect(within(group).getByRole('textbox', { name: 'Value to check, rule 1' }).getAttribute('aria-invalid')).toBeNull();
  });
});
