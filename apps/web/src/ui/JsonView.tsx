// Shows a JSON value as a tree whose branches fold (native <details>), with a copy button and a plain-text view.
import { useState } from 'react';
import { cx } from './cx.ts';
import { CopyButton } from './CopyButton.tsx';
import './ui.css';

const LONG_STRING = 400;

export type JsonViewProps = {
  value: unknown;
  /** Names the block for screen readers and the copy button, e.g. "Output". */
  label: string;
  /** Hides the heading row (label, copy, text view) for small inline values. */
  bare?: boolean;
  className?: string;
};

/** Large documents open one level deep; small ones show everything. */
function openDepthFor(value: unknown): number {
  const size = JSON.stringify(value ?? null)?.length ?? 0;
  return size > 4000 ? 1 : size > 1200 ? 2 : 4;
}

export function JsonView({ value, label, bare = false, className }: JsonViewProps) {
  const [asText, setAsText] = useState(false);
  const text = value === undefined ? '' : JSON.stringify(value, null, 2);
  const container = value !== null && typeof value === 'object';
  return (
    <div className={cx('json-view', className)}>
      {!bare && (
        <div className="json-view-head">
          <span className="json-view-label">{label}</span>
          <span className="json-view-tools">
            {container && (
              <button type="button" className="link-button" aria-pressed={asText} onClick={() => setAsText(!asText)}>
                {asText ? 'Tree view' : 'Text view'}
              </button>
            )}
            <CopyButton text={text} size="sm" variant="ghost" label="Copy" aria-label={`Copy ${label.toLowerCase()} as JSON`} />
          </span>
        </div>
      )}
      {asText || !container ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the text scrolls, and keyboard users scroll it once it has focus.
        // biome-ignore lint/a11y/useSemanticElements: the same named group as the tree view, holding text, not form controls.
        <pre className="json-text" role="group" tabIndex={0} aria-label={label}>
          {value === undefined ? <span className="muted">No value</span> : <JsonScalar value={value} raw />}
        </pre>
      ) : (
        // biome-ignore lint/a11y/useSemanticElements: a tree of folding values, not form controls, so not a fieldset.
        <div className="json-tree" role="group" aria-label={label}>
          <JsonChildren value={value} depth={0} openDepth={openDepthFor(value)} />
        </div>
      )}
    </div>
  );
}

function JsonChildren({ value, depth, openDepth }: { value: object; depth: number; openDepth: number }) {
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  if (entries.length === 0) return <span className="json-punct">{Array.isArray(value) ? '[]' : '{}'}</span>;
  return (
    <ul className="json-list" role="list">
      {entries.map(([key, child]) => (
        <li key={key}>
          <JsonEntry name={Array.isArray(value) ? `[${key}]` : key} value={child} depth={depth} openDepth={openDepth} />
        </li>
      ))}
    </ul>
  );
}

function JsonEntry({ name, value, depth, openDepth }: { name: string; value: unknown; depth: number; openDepth: number }) {
  if (value !== null && typeof value === 'object') {
    const size = Array.isArray(value) ? value.length : Object.keys(value).length;
    const summary = Array.isArray(value) ? `[ ${size} item${size === 1 ? '' : 's'} ]` : `{ ${size} field${size === 1 ? '' : 's'} }`;
    if (size === 0) {
      return (
        <span className="json-leaf">
          <span className="json-key">{name}</span>: <span className="json-punct">{Array.isArray(value) ? '[]' : '{}'}</span>
        </span>
      );
    }
    return (
      <details open={depth + 1 < openDepth}>
        <summary>
          <span className="json-key">{name}</span> <span className="json-punct">{summary}</span>
        </summary>
        <JsonChildren value={value} depth={depth + 1} openDepth={openDepth} />
      </details>
    );
  }
  return (
    <span className="json-leaf">
      <span className="json-key">{name}</span>: <JsonScalar value={value} />
    </span>
  );
}

function JsonScalar({ value, raw = false }: { value: unknown; raw?: boolean }) {
  const [full, setFull] = useState(false);
  if (raw && value !== null && typeof value === 'object') return <>{JSON.stringify(value, null, 2)}</>;
  if (typeof value === 'string') {
    const long = value.length > LONG_STRING && !full;
    return (
      <span className="json-string">
        “{long ? value.slice(0, LONG_STRING) : value}
        {long ? '…' : '”'}
        {long && (
          <button type="button" className="link-button" onClick={() => setFull(true)}>
            Show {value.length - LONG_STRING} more characters
          </button>
        )}
      </span>
    );
  }
  if (typeof value === 'number') return <span className="json-number">{value}</span>;
  if (typeof value === 'boolean' || value === null) return <span className="json-literal">{String(value)}</span>;
  return <span>{String(value)}</span>;
}
