// Pieces every step editor uses: the "if this step fails" choice and the problems no field on screen shows.
import type { OnError } from '@switchyard/contracts';
import { SelectField } from '../../ui/Field.tsx';
import { WarningIcon } from '../../ui/icons.tsx';
import type { FieldProblems } from '../problems.ts';
import '../builder.css';

export function OnErrorField({
  value,
  onChange,
  stepKey,
  error,
}: {
  value: OnError;
  onChange: (value: OnError) => void;
  stepKey: string;
  error?: string | undefined;
}) {
  return (
    <SelectField
      label="If this step fails"
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value as OnError)}
      hint={value === 'continue' ? `Later steps can check {{steps.${stepKey}.$status}} (“success” or “error”) and {{steps.${stepKey}.$error}}.` : undefined}
    >
      <option value="halt">Stop the run here</option>
      <option value="continue">Continue with the next steps</option>
    </SelectField>
  );
}

/** Problems of the step that no field on screen claims (a bad key, an unknown app), listed at the top. */
export function StepProblems({ problems, claimed }: { problems: FieldProblems; claimed: readonly string[] }) {
  const rest = problems.except(claimed);
  if (rest.length === 0) return null;
  return (
    <div className="banner banner-warning step-problems" role="note">
      <WarningIcon />
      <div className="banner-text">
        <p className="banner-title">To fix before publishing</p>
        <ul className="banner-details">
          {rest.map((problem) => (
            <li key={`${problem.path}:${problem.message}`}>{problem.message}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
