// Searchable lists for choosing an app, then one of its triggers or actions, each with its description.
import { useId, useState } from 'react';
import { cx } from '../ui/cx.ts';
import { ChevronRightIcon, SearchIcon } from '../ui/icons.tsx';
import type { AppManifest, Operation } from './api.ts';
import { AppBadge } from './AppBadge.tsx';
import { UnverifiedNote } from './UnverifiedNote.tsx';
import './catalog.css';

function matches(query: string, ...texts: string[]): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = texts.join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

function SearchBox({ label, value, onChange, autoFocus }: { label: string; value: string; onChange: (value: string) => void; autoFocus?: boolean }) {
  return (
    <div className="search-box">
      <SearchIcon />
      <input
        type="search"
        className="input"
        aria-label={label}
        placeholder={label}
        value={value}
        // biome-ignore lint/a11y/noAutofocus: only pickers the user just opened (a dialog's search) ask for it, so focus lands where they will type.
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

export function AppPicker({
  apps,
  onPick,
  label = 'Search apps',
  describe,
  autoFocus = false,
}: {
  apps: AppManifest[];
  onPick: (app: AppManifest) => void;
  label?: string;
  /** The line under an app's name; its description by default. */
  describe?: (app: AppManifest) => string;
  autoFocus?: boolean;
}) {
  const [query, setQuery] = useState('');
  const listId = useId();
  const shown = apps.filter((app) => matches(query, app.name, app.key, app.description));
  return (
    <div className="picker-list">
      <SearchBox label={label} value={query} onChange={setQuery} autoFocus={autoFocus} />
      {shown.length === 0 ? (
        <p className="muted picker-list-empty">No app matches “{query}”.</p>
      ) : (
        <ul id={listId} className="option-list" role="list" aria-label="Apps">
          {shown.map((app) => (
            <li key={app.key}>
              <button type="button" className="option" onClick={() => onPick(app)}>
                <AppBadge appKey={app.key} name={app.name} />
                <span className="option-text">
                  <span className="option-name">{app.name}</span>
                  <span className="option-description">{describe ? describe(app) : app.description}</span>
                </span>
                <ChevronRightIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function OperationPicker<T extends Operation>({
  operations,
  onPick,
  selected,
  label,
  autoFocus = false,
}: {
  operations: T[];
  onPick: (operation: T) => void;
  selected?: string | undefined;
  /** "Search events", "Search actions". */
  label: string;
  autoFocus?: boolean;
}) {
  const [query, setQuery] = useState('');
  const shown = operations.filter((operation) => matches(query, operation.name, operation.key, operation.description));
  return (
    <div className="picker-list">
      {operations.length > 5 && <SearchBox label={label} value={query} onChange={setQuery} autoFocus={autoFocus} />}
      {shown.length === 0 ? (
        <p className="muted picker-list-empty">{operations.length === 0 ? 'This app has nothing to choose here.' : `Nothing matches “${query}”.`}</p>
      ) : (
        <ul className="option-list" role="list">
          {shown.map((operation) => (
            <li key={operation.key}>
              <button
                type="button"
                className={cx('option', operation.key === selected && 'option-selected')}
                aria-current={operation.key === selected ? 'true' : undefined}
                onClick={() => onPick(operation)}
              >
                <span className="option-text">
                  <span className="option-name">{operation.name}</span>
                  <span className="option-description">{operation.description}</span>
                  <UnverifiedNote operation={operation} compact />
                </span>
                <ChevronRightIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
