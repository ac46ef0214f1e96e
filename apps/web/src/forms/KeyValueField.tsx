// Free name/value pairs (headers, query parameters, a code step's input data); each value may map data.
import { useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '../ui/Button.tsx';
import { CloseIcon, PlusIcon } from '../ui/icons.tsx';
import { TemplateInput } from '../templates/TemplateInput.tsx';
import { useFollow } from '../ui/useFollow.ts';
import './forms.css';

type Row = { id: number; key: string; value: string };

export type KeyValueFieldProps = {
  label: ReactNode;
  /** Plain text naming the field, for the buttons' accessible names. */
  name: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: Record<string, unknown> | undefined;
  onChange: (value: Record<string, unknown> | undefined) => void;
  keyLabel?: string;
  addLabel?: string;
  /** Extra check on a name (e.g. a JavaScript identifier for code input). */
  keyProblem?: (key: string) => string | null;
};

function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function rowsOf(value: Record<string, unknown> | undefined, nextId: () => number): Row[] {
  return Object.entries(value ?? {}).map(([key, item]) => ({ id: nextId(), key, value: toText(item) }));
}

function objectOf(rows: Row[]): Record<string, unknown> | undefined {
  const entries = rows.filter((row) => row.key.trim() !== '').map((row) => [row.key.trim(), row.value] as const);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

export function KeyValueField({ label, name, hint, error, value, onChange, keyLabel = 'Name', addLabel = 'Add a pair', keyProblem }: KeyValueFieldProps) {
  const counter = useRef(0);
  const nextId = () => (counter.current += 1);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(value, nextId));
  const legendId = useId();
  const hintId = useId();

  // Rows may hold a half-typed pair the value cannot express; follow the value only when it changed elsewhere.
  useFollow(value, (next) => {
    if (JSON.stringify(objectOf(rows) ?? {}) !== JSON.stringify(next ?? {})) setRows(rowsOf(next, nextId));
  });

  const update = (next: Row[]) => {
    setRows(next);
    const object = objectOf(next);
    if (JSON.stringify(object ?? {}) !== JSON.stringify(value ?? {})) onChange(object);
  };

  const duplicates = new Set(rows.map((row) => row.key.trim()).filter((key, index, all) => key !== '' && all.indexOf(key) !== index));

  return (
    <fieldset className="kv-field" aria-describedby={hint ? hintId : undefined}>
      <legend id={legendId} className="field-label">
        {label}
      </legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {rows.length > 0 && (
        <ul className="kv-rows" role="list">
          {rows.map((row, index) => {
            const problem = row.key.trim() === '' ? null : duplicates.has(row.key.trim()) ? 'This name is used twice.' : (keyProblem?.(row.key.trim()) ?? null);
            const keyName = row.key.trim() || `entry ${index + 1}`;
            return (
              <li key={row.id} className="kv-row">
                <div className="kv-key">
                  <input
                    className="input input-mono"
                    aria-label={`${keyLabel} of ${name} entry ${index + 1}`}
                    placeholder={keyLabel}
                    value={row.key}
                    aria-invalid={problem ? true : undefined}
                    onChange={(event) => update(rows.map((candidate) => (candidate.id === row.id ? { ...candidate, key: event.target.value } : candidate)))}
                  />
                  {problem && <p className="field-error">{problem}</p>}
                </div>
                <TemplateInput
                  className="kv-value"
                  aria-label={`Value of ${keyName}`}
                  value={row.value}
                  placeholder="Value"
                  onChange={(text) => update(rows.map((candidate) => (candidate.id === row.id ? { ...candidate, value: text } : candidate)))}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${keyName}`}
                  onClick={() => update(rows.filter((candidate) => candidate.id !== row.id))}
                >
                  <CloseIcon />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <Button size="sm" variant="ghost" onClick={() => setRows([...rows, { id: nextId(), key: '', value: '' }])}>
          <PlusIcon /> {addLabel}
        </Button>
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
