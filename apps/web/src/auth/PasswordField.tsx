// A password input with a show/hide toggle, built on the shared Field.
import { useState, type ComponentProps } from 'react';
import { Field } from '../ui/Field.tsx';
import './auth.css';

type PasswordFieldProps = Omit<ComponentProps<'input'>, 'id' | 'type' | 'className'> & {
  label: string;
  error?: string | undefined;
  hint?: string;
};

export function PasswordField({ label, error, hint, ...input }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => (
        <div className="input-with-action">
          <input className="input" type={visible ? 'text' : 'password'} {...input} {...control} />
          <button
            type="button"
            className="input-action"
            aria-pressed={visible}
            aria-label={visible ? 'Hide password' : 'Show password'}
            onClick={() => setVisible((shown) => !shown)}
          >
            {visible ? 'Hide' : 'Show'}
          </button>
        </div>
      )}
    </Field>
  );
}
