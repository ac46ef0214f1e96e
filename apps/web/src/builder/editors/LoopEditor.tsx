// A loop step: runs its steps once for each item of a list; inside, {{steps.<key>.item}} is the current item.
import type { LoopStep } from '@switchyard/contracts';
import { TemplateField } from '../../forms/TemplateField.tsx';
import { Field } from '../../ui/Field.tsx';
import { useBuilder } from '../context.ts';
import { NO_PROBLEMS } from '../problems.ts';
import { StepList } from '../StepList.tsx';
import { StepProblems } from './common.tsx';
import '../builder.css';

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function LoopEditor({ step }: { step: LoopStep }) {
  const builder = useBuilder();
  const problems = builder.showProblems ? builder.problems.step(step.key) : NO_PROBLEMS;
  const setInput = (input: LoopStep['input']) => builder.edit({ type: 'step', key: step.key, step: { ...step, input } });
  return (
    <div className="step-editor">
      <StepProblems problems={problems} claimed={['input', 'steps']} />
      <TemplateField
        label="Items"
        fieldName="Items"
        hint="A list from the trigger or an earlier step (e.g. line items), or text separated by commas."
        error={problems.at('input.items')}
        value={text(step.input.items)}
        placeholder="Insert a list"
        onChange={(items) => setInput({ ...step.input, items })}
      />
      <Field label="At most this many items" hint="Leave empty for the workspace limit." error={problems.at('input.maxItems')}>
        {(control) => (
          <input
            className="input input-narrow"
            type="number"
            min={1}
            step={1}
            {...control}
            value={step.input.maxItems ?? ''}
            onChange={(event) => {
              const { maxItems: _previous, ...rest } = step.input;
              const value = Number.parseInt(event.target.value, 10);
              setInput(Number.isFinite(value) && value > 0 ? { ...rest, maxItems: value } : rest);
            }}
          />
        )}
      </Field>
      <div className="branch-section">
        <h5 className="branch-section-title">For each item</h5>
        <p className="field-hint">
          Inside the loop, insert <code>{`{{steps.${step.key}.item}}`}</code> (the current item) and <code>{`{{steps.${step.key}.index}}`}</code>. After it,{' '}
          <code>{`{{steps.${step.key}.results}}`}</code> lists what each iteration produced.
        </p>
        <StepList steps={step.steps} address={{ parent: step.key }} emptyText="No steps in the loop yet." />
      </div>
    </div>
  );
}
