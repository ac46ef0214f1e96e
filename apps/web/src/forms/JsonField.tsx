// A JSON value typed as text (arrays, open objects): checked as you type, stored parsed, references allowed inside strings.
import type { PathSegment } from '@switchyard/contracts';
import { useRef, useState, type ReactNode } from 'react';
import { Field } from '../ui/Field.tsx';
import { DataIcon } from '../ui/icons.tsx';
import { DataPicker } from '../templates/DataPicker.tsx';
import { templateOf } from '../templates/references.ts';
import { useTemplateScope } from '../templates/scope.ts';
import { useFollow } from '../ui/useFollow.ts';
import './forms.css';

export type JsonFieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: unknown;
  onChange: (value: unknown) => void;
  /** When text is a valid value too (e.g. a body given as JSON text or one mapped reference). */
  acceptsText?: boolean;
  placeholder?: string;
};

function textOf(value: unknown, acceptsText: boolean): string {
  if (value === undefined) return '';
  if (typeof value === 'string' && acceptsText) return value;
  return JSON.stringify(value, null, 2);
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses the text; empty is "no value"; text that is exactly one reference stays a reference. */
export function parseJsonText(text: string, acceptsText: boolean): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (/^\{\{[^{}]+\}\}$/.test(trimmed)) return { ok: true, value: trimmed };
  try {
    return { ok: true, value: JSON.parse(trimmed) as unknown };
  } catch (error) {
    if (acceptsText) return { ok: true, value: text };
    return { ok: false, message: `Not valid JSON yet: ${(error as Error).message}` };
  }
}

export function JsonField({ label, hint, error, value, onChange, acceptsText = false, placeholder }: JsonFieldProps) {
  const scope = useTemplateScope();
  const [text, setText] = useState(() => textOf(value, acceptsText));
  const [localError, setLocalError] = useState<string | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const areaRef = useRef<HTMLTextAreaElement>(null);

  // Only a change of the value from outside re-renders the text; typing keeps the user's formatting.
  useFollow(value, (next) => {
    const parsed = parseJsonText(text, acceptsText);
    if (parsed.ok && JSON.stringify(parsed.value) === JSON.stringify(next)) return;
    setText(textOf(next, acceptsText));
    setLocalError(null);
  });

  const change = (next: string) => {
    setText(next);
    const parsed = parseJsonText(next, acceptsText);
    if (parsed.ok) {
      setLocalError(null);
      onChange(parsed.value);
    } else {
      setLocalError(parsed.message);
    }
  };

  const insert = (source: string, path: PathSegment[]) => {
    setPickerOpen(false);
    const area = areaRef.current;
    const reference = templateOf(source, path);
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    // Inside a JSON document a reference must sit in a string; outside one it is the whole value.
    const before = text.slice(0, start);
    const inString = (before.match(/(?<!\\)"/g)?.length ?? 0) % 2 === 1;
    const piece = text.trim() === '' || inString ? reference : `"${reference}"`;
    change(before + piece + text.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + piece.length, start + piece.length);
    });
  };

  return (
    <Field label={label} hint={hint} error={localError ?? error}>
      {(control) => (
        <div className="template-field">
          <div className="template-box">
            <textarea
              ref={areaRef}
              className="input input-mono json-input"
              {...control}
              aria-invalid={localError || error ? true : undefined}
              spellCheck={false}
              rows={Math.min(12, Math.max(3, text.split('\n').length))}
              value={text}
              placeholder={placeholder ?? '{ "key": "value" }'}
              readOnly={scope.readOnly}
              onChange={(event) => change(event.target.value)}
            />
            {!scope.readOnly && scope.sources.length > 0 && (
              <button type="button" className="template-insert" aria-label="Insert data" aria-expanded={pickerOpen} onClick={() => setPickerOpen(!pickerOpen)}>
                <DataIcon />
              </button>
            )}
          </div>
          {pickerOpen && <DataPicker sources={scope.sources} onPick={insert} onClose={() => setPickerOpen(false)} />}
        </div>
      )}
    </Field>
  );
}
