// A delay step: wait for an amount of time, or until a moment (which may come from the data).
import type { DelayStep, DelayUnit } from '@switchyard/contracts';
import { parseNumberInput } from '../../forms/schema.ts';
import { TemplateField } from '../../forms/TemplateField.tsx';
import { Field, TextField } from '../../ui/Field.tsx';
import { useBuilder } from '../context.ts';
import { NO_PROBLEMS } from '../problems.ts';
import { StepProblems } from './common.tsx';
import '../builder.css';

const UNITS: DelayUnit[] = ['seconds', 'minutes', 'hours', 'days'];

export function DelayEditor({ step }: { step: DelayStep }) {
  const builder = useBuilder();
  const problems = builder.showProblems ? builder.problems.step(step.key) : NO_PROBLEMS;
  const mode = step.input.until !== undefined ? 'until' : 'for';
  const setInput = (input: DelayStep['input']) => builder.edit({ type: 'step', key: step.key, step: { ...step, input } });
  const amount = step.input.for?.amount;

  return (
    <div className="step-editor">
      <StepProblems problems={problems} claimed={['input']} />
      <fieldset className="radio-group">
        <legend className="field-label">Wait</legend>
        <label className="checkbox">
          <input type="radio" name={`${step.key}-mode`} checked={mode === 'for'} onChange={() => setInput({ for: { amount: 5, unit: 'minutes' } })} />
          for an amount of time
        </label>
        <label className="checkbox">
          <input type="radio" name={`${step.key}-mode`} checked={mode === 'until'} onChange={() => setInput({ until: '' })} />
          until a date and time
        </label>
      </fieldset>
      {mode === 'for' ? (
        <div className="form-row">
          <TemplateField
            label="Amount"
            fieldName="Amount"
            error={problems.at('input.for.amount') ?? problems.at('input')}
            className="grow"
            value={amount === undefined ? '' : String(amount)}
            placeholder="5, or insert data"
            onChange={(text) => setInput({ for: { amount: parseNumberInput(text) ?? '', unit: step.input.for?.unit ?? 'minutes' } })}
          />
          <Field label="Unit">
            {(control) => (
              <select
                className="input select"
                {...control}
                value={step.input.for?.unit ?? 'minutes'}
                onChange={(event) => setInput({ for: { amount: amount ?? 5, unit: event.target.value as DelayUnit } })}
              >
                {UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {unit}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ) : (
        <>
          <TemplateField
            label="Until"
            fieldName="Until"
            hint="An ISO date and time such as 2025-03-05T09:00:00, a Unix time, or data from an earlier step."
            error={problems.at('input.until') ?? problems.at('input')}
            value={step.input.until ?? ''}
            placeholder="2025-03-05T09:00:00"
            onChange={(until) => setInput({ ...step.input, until })}
          />
          <TextField
            label="Time zone"
            hint="For a time written without an offset, e.g. Europe/Prague. UTC when empty."
            value={step.input.timeZone ?? ''}
            error={problems.at('input.timeZone')}
            onChange={(event) => {
              const { timeZone: _previous, ...rest } = step.input;
              setInput(event.target.value.trim() ? { ...rest, timeZone: event.target.value.trim() } : rest);
            }}
          />
        </>
      )}
      <p className="field-hint">While it waits the run shows as “waiting” in the run history; nothing is lost if Switchyard restarts.</p>
    </div>
  );
}
