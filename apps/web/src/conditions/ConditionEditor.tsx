// Edits conditions: OR-groups of AND-ed rules `{left, op, right}`, each side able to map data.
import type { Condition, ConditionOp, Conditions } from '@switchyard/contracts';
import { NO_PROBLEMS, type FieldProblems } from '../builder/problems.ts';
import { Button } from '../ui/Button.tsx';
import { CloseIcon, PlusIcon } from '../ui/icons.tsx';
import { TemplateInput } from '../templates/TemplateInput.tsx';
import './conditions.css';

export type { Condition, ConditionOp, Conditions };

export const CONDITION_OPS: ReadonlyArray<{ op: ConditionOp; label: string }> = [
  { op: 'equals', label: 'equals' },
  { op: 'not_equals', label: 'does not equal' },
  { op: 'contains', label: 'contains' },
  { op: 'not_contains', label: 'does not contain' },
  { op: 'starts_with', label: 'starts with' },
  { op: 'ends_with', label: 'ends with' },
  { op: 'gt', label: 'is greater than' },
  { op: 'gte', label: 'is greater than or equal to' },
  { op: 'lt', label: 'is less than' },
  { op: 'lte', label: 'is less than or equal to' },
  { op: 'exists', label: 'exists' },
  { op: 'not_exists', label: 'does not exist' },
  { op: 'is_true', label: 'is true' },
  { op: 'is_false', label: 'is false' },
  { op: 'matches_regex', label: 'matches the pattern' },
];

/** Operators that look at the left value only. */
export const UNARY_OPS: ReadonlySet<ConditionOp> = new Set(['exists', 'not_exists', 'is_true', 'is_false']);

export const EMPTY_CONDITION: Condition = { left: '', op: 'equals', right: '' };

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Changing a rule's operator to a unary one drops the value it no longer compares with. */
export function withOp(condition: Condition, op: ConditionOp): Condition {
  if (UNARY_OPS.has(op)) return { left: condition.left, op };
  return { left: condition.left, op, right: condition.right ?? '' };
}

export type ConditionEditorProps = {
  conditions: Conditions;
  onChange: (conditions: Conditions) => void;
  /** Problems under the conditions, by `[group][rule].side`. */
  problems?: FieldProblems;
  /** Names the rules for screen readers, e.g. "Path A". */
  name: string;
  /** What an empty list means here, e.g. "This path always runs". */
  emptyText: string;
};

export function ConditionEditor({ conditions, onChange, problems = NO_PROBLEMS, name, emptyText }: ConditionEditorProps) {
  const setRule = (groupIndex: number, ruleIndex: number, rule: Condition | null) => {
    const groups = conditions
      .map((group, g) =>
        g !== groupIndex ? group : rule === null ? group.filter((_, r) => r !== ruleIndex) : group.map((current, r) => (r === ruleIndex ? rule : current)),
      )
      .filter((group) => group.length > 0);
    onChange(groups);
  };
  const many = conditions.length > 1;

  return (
    <div className="conditions">
      {conditions.length === 0 && <p className="conditions-empty">{emptyText}</p>}
      {conditions.map((group, g) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: groups have no id; every field in a group renders from the conditions, so a shifted index shows the right group.
        <div key={g} className="condition-group-wrap">
          {g > 0 && (
            <p className="condition-or" aria-hidden="true">
              or
            </p>
          )}
          <fieldset className="condition-group">
            <legend className="visually-hidden">{many ? `${name}: group ${g + 1} (all of these)` : `${name}: all of these`}</legend>
            {group.map((rule, r) => {
              const where = many ? `rule ${r + 1} of group ${g + 1}` : `rule ${r + 1}`;
              const problem = problems.at(`[${g}][${r}]`);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; each row's editors render from the rule, so a shifted index shows the right rule.
                <div key={r} className="condition-row-wrap">
                  {r > 0 && (
                    <p className="condition-and" aria-hidden="true">
                      and
                    </p>
                  )}
                  <div className="condition-row">
                    <TemplateInput
                      className="condition-left"
                      aria-label={`Value to check, ${where}`}
                      aria-invalid={problems.at(`[${g}][${r}].left`) ? true : undefined}
                      value={text(rule.left)}
                      placeholder="Insert data to check"
                      onChange={(left) => setRule(g, r, { ...rule, left })}
                    />
                    <select
                      className="input select condition-op"
                      aria-label={`Condition, ${where}`}
                      value={rule.op}
                      onChange={(event) => setRule(g, r, withOp(rule, event.target.value as ConditionOp))}
                    >
                      {CONDITION_OPS.map((option) => (
                        <option key={option.op} value={option.op}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                    {!UNARY_OPS.has(rule.op) && (
                      <TemplateInput
                        className="condition-right"
                        aria-label={`Compare with, ${where}`}
                        aria-invalid={problems.at(`[${g}][${r}].right`) ? true : undefined}
                        mono={rule.op === 'matches_regex'}
                        value={text(rule.right)}
                        placeholder={rule.op === 'matches_regex' ? 'A regular expression' : 'A value, or insert data'}
                        onChange={(right) => setRule(g, r, { ...rule, right })}
                      />
                    )}
                    <button type="button" className="icon-button" aria-label={`Remove ${where}`} onClick={() => setRule(g, r, null)}>
                      <CloseIcon />
                    </button>
                  </div>
                  {problem && <p className="field-error">{problem}</p>}
                </div>
              );
            })}
            <div>
              <Button
                size="sm"
                variant="ghost"
                aria-label={many ? `Add an “and” rule to group ${g + 1}` : 'Add an “and” rule'}
                onClick={() => onChange(conditions.map((current, index) => (index === g ? [...current, { ...EMPTY_CONDITION }] : current)))}
              >
                <PlusIcon /> And
              </Button>
            </div>
          </fieldset>
        </div>
      ))}
      <div>
        <Button size="sm" onClick={() => onChange([...conditions, [{ ...EMPTY_CONDITION }]])}>
          <PlusIcon /> {conditions.length === 0 ? 'Add a rule' : 'Or'}
        </Button>
      </div>
    </div>
  );
}
