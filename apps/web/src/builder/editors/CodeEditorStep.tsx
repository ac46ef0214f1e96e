// A code step: named input data mapped from earlier steps, and JavaScript that returns the step's output.
import type { CodeStep } from '@switchyard/contracts';
import { CodeEditor } from '../../code/CodeEditor.tsx';
import { KeyValueField } from '../../forms/KeyValueField.tsx';
import { Field } from '../../ui/Field.tsx';
import { useBuilder } from '../context.ts';
import { NO_PROBLEMS } from '../problems.ts';
import { StepTest } from '../StepTest.tsx';
import { OnErrorField, StepProblems } from './common.tsx';
import '../builder.css';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function CodeStepEditor({ step }: { step: CodeStep }) {
  const builder = useBuilder();
  const problems = builder.showProblems ? builder.problems.step(step.key) : NO_PROBLEMS;
  const set = (patch: Partial<CodeStep>) => builder.edit({ type: 'step', key: step.key, step: { ...step, ...patch } });
  const setInput = (patch: Partial<CodeStep['input']>) => set({ input: { ...step.input, ...patch } });

  return (
    <div className="step-editor">
      <StepProblems problems={problems} claimed={['input.code', 'input.inputData', 'onError']} />
      <KeyValueField
        name="input data"
        label="Input data"
        hint="Each name becomes a field of input in the code, e.g. input.name. Map data from the trigger or earlier steps into the values."
        keyLabel="Name"
        addLabel="Add input"
        value={step.input.inputData}
        error={problems.at('input.inputData')}
        keyProblem={(key) => (IDENTIFIER.test(key) ? null : `Use letters, digits and _ so the code can read input.${key}`)}
        onChange={(inputData) => {
          const { inputData: _previous, ...rest } = step.input;
          set({ input: inputData ? { ...rest, inputData: inputData as NonNullable<CodeStep['input']['inputData']> } : rest });
        }}
      />
      <Field
        label="Code (JavaScript)"
        error={problems.at('input.code')}
        hint="Return an object: later steps can use each of its fields. await works; fetch() reaches public URLs; console.log lines show in the test. Press Esc, then Tab, to leave the editor."
      >
        {(control) => <CodeEditor {...control} value={step.input.code} readOnly={builder.readOnly} onChange={(code) => setInput({ code })} />}
      </Field>
      <OnErrorField value={step.onError} stepKey={step.key} error={problems.at('onError')} onChange={(onError) => set({ onError })} />
      <StepTest stepKey={step.key} />
    </div>
  );
}
