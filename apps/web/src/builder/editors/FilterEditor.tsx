// A filter step: the run goes on only when the rules pass; otherwise it stops as "filtered".
import type { FilterStep } from '@switchyard/contracts';
import { ConditionEditor } from '../../conditions/ConditionEditor.tsx';
import { useBuilder } from '../context.ts';
import { NO_PROBLEMS } from '../problems.ts';
import { StepTest } from '../StepTest.tsx';
import { StepProblems } from './common.tsx';
import '../builder.css';

export function FilterEditor({ step }: { step: FilterStep }) {
  const builder = useBuilder();
  const problems = builder.showProblems ? builder.problems.step(step.key) : NO_PROBLEMS;
  return (
    <div className="step-editor">
      <StepProblems problems={problems} claimed={['conditions']} />
      <p className="field-hint">
        The run continues only if these rules pass. Rules in a group must all pass; any one group passing is enough. Otherwise the run stops as{' '}
        <strong>filtered</strong>, which is not an error.
      </p>
      <ConditionEditor
        name="Filter"
        conditions={step.conditions}
        problems={problems.under('conditions')}
        emptyText="No rules: every run continues."
        onChange={(conditions) => builder.edit({ type: 'step', key: step.key, step: { ...step, conditions } })}
      />
      <StepTest stepKey={step.key} />
    </div>
  );
}
