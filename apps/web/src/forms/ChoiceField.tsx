// A dropdown of choices (an enum, yes/no, or options from the service) that can switch to mapped data instead.
import { useId, useState, type ReactNode } from 'react';
import { Field, labelIdOf } from '../ui/Field.tsx';
import { hasReference } from '../templates/references.ts';
import { TemplateInput } from '../templates/TemplateInput.tsx';
import './forms.css';

export type ChoiceOption = { value: string; label: string; raw: unknown };

export type ChoiceFieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: unknown;
  onChange: (value: unknown) => void;
  options: ChoiceOption[];
  /** What the empty choice says: "Choose…" or the default the service applies. */
  emptyLabel: string;
  disabled?: boolean;
  /** Extra controls under the select: a refresh button, a loading line. */
  footer?: ReactNode;
  /** The visible label's plain text, for naming the "use data" toggle. */
  name: string;
};

export function ChoiceField({ label, hint, error, value, onChange, options, emptyLabel, disabled = false, footer, name }: ChoiceFieldProps) {
  const mapped = typeof value === 'string' && hasReference(value);
  const [custom, setCustom] = useState(mapped);
  const showCustom = custom || mapped;
  const current = options.find((option) => Object.is(option.raw, value) || option.value === String(value ?? ''));

  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <div className="choice-field">
          {showCustom ? (
            <TemplateInput
              id={control.id}
              labelledBy={labelIdOf(control.id)}
              aria-invalid={control['aria-invalid']}
              aria-describedby={control['aria-describedby']}
              fieldName={name}
              value={typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)}
              onChange={(text) => onChange(text === '' ? undefined : text)}
              placeholder="Type a value or insert data"
            />
          ) : (
            <select
              className="input select"
              {...control}
              disabled={disabled}
              value={value === undefined || value === null ? '' : (current?.value ?? String(value))}
              onChange={(event) => {
                const chosen = options.find((option) => option.value === event.target.value);
                onChange(event.target.value === '' ? undefined : (chosen?.raw ?? event.target.value));
              }}
            >
              <option value="">{emptyLabel}</option>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
              {value !== undefined && value !== null && value !== '' && !current && <option value={String(value)}>{String(value)}</option>}
            </select>
          )}
          <div className="choice-field-actions">
            {footer}
            <button
              type="button"
              className="link-button"
              aria-label={showCustom ? `Choose ${name} from the list` : `Map data into ${name}`}
              onClick={() => {
                if (showCustom) onChange(undefined);
                setCustom(!showCustom);
              }}
            >
              {showCustom ? 'Choose from the list' : 'Use data or a custom value'}
            </button>
          </div>
        </div>
      )}
    </Field>
  );
}

/** Several fixed choices at once (an array of an enum, e.g. days of the week), as checkboxes; or mapped data. */
export function MultiChoiceField({ label, hint, error, value, onChange, options, name }: Omit<ChoiceFieldProps, 'emptyLabel' | 'disabled' | 'footer'>) {
  const hintId = useId();
  const mapped = typeof value === 'string';
  const chosen = Array.isArray(value) ? value : [];
  const toggle = (option: ChoiceOption, on: boolean) => {
    const next = on ? [...chosen, option.raw] : chosen.filter((item) => !Object.is(item, option.raw));
    // Keep the schema's order, whatever order they were ticked in.
    const ordered = options.map((candidate) => candidate.raw).filter((raw) => next.some((item) => Object.is(item, raw)));
    onChange(ordered.length === 0 ? undefined : ordered);
  };
  return (
    <fieldset className="multi-field" aria-describedby={hint ? hintId : undefined}>
      <legend className="field-label">{label}</legend>
      {mapped ? (
        <TemplateInput aria-label={name} fieldName={name} value={value} onChange={(text) => onChange(text === '' ? undefined : text)} />
      ) : (
        <div className="multi-options">
          {options.map((option) => (
            <label key={option.value} className="checkbox">
              <input type="checkbox" checked={chosen.some((item) => Object.is(item, option.raw))} onChange={(event) => toggle(option, event.target.checked)} />
              {option.label}
            </label>
          ))}
        </div>
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && <p className="field-error">{error}</p>}
      <div className="choice-field-actions">
        <button
          type="button"
          className="link-button"
          onClick={() => onChange(mapped ? undefined : '')}
          aria-label={mapped ? `Choose ${name} from the list` : `Map data into ${name}`}
        >
          {mapped ? 'Choose from the list' : 'Use data instead'}
        </button>
      </div>
    </fieldset>
  );
}
