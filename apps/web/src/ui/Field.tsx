// Labelled form controls whose hint and error are wired to the control for screen readers.
import { useId, type ComponentProps, type ReactNode } from 'react';
import { cx } from './cx.ts';
import './ui.css';

export type ControlProps = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

export type FieldProps = {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  /** Keeps the label for assistive technology but hides it on screen (e.g. a role picker inside a table row). */
  hideLabel?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

export function Field({ label, error, hint, hideLabel = false, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={cx('field', error && 'field-invalid', className)}>
      <label id={labelIdOf(id)} htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The id of a Field's label, for controls a `<label for>` cannot name (a contenteditable textbox). */
export function labelIdOf(controlId: string): string {
  return `${controlId}-label`;
}

type OwnFieldProps = Omit<FieldProps, 'children'>;

export function TextField({ label, error, hint, hideLabel, className, ...input }: OwnFieldProps & Omit<ComponentProps<'input'>, 'id' | 'className'>) {
  return (
    <Field label={label} error={error} hint={hint} hideLabel={hideLabel} className={className}>
      {(control) => <input className="input" {...input} {...control} />}
    </Field>
  );
}

export function SelectField({
  label,
  error,
  hint,
  hideLabel,
  className,
  children,
  ...select
}: OwnFieldProps & Omit<ComponentProps<'select'>, 'id' | 'className'>) {
  return (
    <Field label={label} error={error} hint={hint} hideLabel={hideLabel} className={className}>
      {(control) => (
        <select className="input select" {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}

/** After a failed submit, puts the keyboard on the first field that needs fixing (once the errors have rendered). */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  setTimeout(() => {
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, 0);
}
