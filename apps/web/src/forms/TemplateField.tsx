// A labelled field whose control is a template input: typed text mixed with data mapped from earlier steps.
import type { ReactNode } from 'react';
import { TemplateInput, type TemplateInputProps } from '../templates/TemplateInput.tsx';
import { Field, labelIdOf } from '../ui/Field.tsx';

export type TemplateFieldProps = Pick<TemplateInputProps, 'value' | 'onChange' | 'placeholder' | 'multiline'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  /** The label's plain text, naming the "insert data" button. */
  fieldName: string;
  required?: boolean;
};

export function TemplateField({ label, hint, error, className, fieldName, required = false, ...input }: TemplateFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <TemplateInput
          id={control.id}
          labelledBy={labelIdOf(control.id)}
          aria-invalid={control['aria-invalid']}
          aria-describedby={control['aria-describedby']}
          aria-required={required || undefined}
          fieldName={fieldName}
          {...input}
        />
      )}
    </Field>
  );
}
