// The data picker: the trigger's and earlier steps' data as a searchable tree, fields named by their declared labels; choosing one inserts its reference.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { cx } from '../ui/cx.ts';
import { ChevronRightIcon, CloseIcon } from '../ui/icons.tsx';
import type { PathSegment } from '@switchyard/contracts';
import { dataTree, fieldLabel, fieldName, flattenTree, preview, readablePath, type DataNode, type DataOrigin, type DataSource } from './data.ts';
import './templates.css';

export type DataPickerProps = {
  sources: readonly DataSource[];
  onPick: (source: string, path: PathSegment[]) => void;
  onClose: () => void;
};

const ORIGIN_LABELS: Record<DataOrigin, string> = {
  test: 'From the latest test',
  request: 'From a received request',
  sample: 'Sample data',
  none: 'No data yet',
};

/** How buttons name a field: its declared label with its path (`First name (name.firstName)`), or its path alone. */
function spokenName(path: readonly PathSegment[], label: string | undefined): string {
  return label === undefined ? fieldName(path) : `${label} (${fieldName(path)})`;
}

export function DataPicker({ sources, onPick, onClose }: DataPickerProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const titleId = useId();

  useEffect(() => searchRef.current?.focus(), []);

  // Re-subscribing when onClose changes identity (each render of the field) keeps the listener calling the current one.
  useEffect(() => {
    const closeOnOutside = (event: PointerEvent) => {
      const target = event.target;
      if (!(target instanceof Node) || rootRef.current?.contains(target)) return;
      // The toggle button next to the field handles its own clicks.
      if (target instanceof Element && target.closest('.template-insert')) return;
      onClose();
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [onClose]);

  const trimmed = query.trim().toLowerCase();

  return (
    <div
      ref={rootRef}
      className="picker"
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="picker-head">
        <h3 id={titleId} className="picker-title">
          Insert data
        </h3>
        <button type="button" className="icon-button" aria-label="Close the data picker" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <input
        ref={searchRef}
        type="search"
        className="input picker-search"
        aria-label="Search data"
        placeholder="Search fields and values"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="picker-body">
        {sources.length === 0 ? (
          <p className="picker-empty">Nothing to insert yet: this is the first step. Data from the trigger and earlier steps shows up here.</p>
        ) : trimmed !== '' ? (
          <SearchResults sources={sources} query={trimmed} onPick={onPick} />
        ) : (
          sources.map((source, index) => (
            <SourceSection key={source.id} source={source} initiallyOpen={sources.length <= 2 || index === sources.length - 1} onPick={onPick} />
          ))
        )}
      </div>
    </div>
  );
}

function SourceSection({ source, initiallyOpen, onPick }: { source: DataSource; initiallyOpen: boolean; onPick: DataPickerProps['onPick'] }) {
  const [open, setOpen] = useState(initiallyOpen);
  const nodes = useMemo(() => dataTree(source.data), [source.data]);
  const bodyId = useId();
  return (
    <section className="picker-source">
      <button type="button" className="picker-source-head" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        <ChevronRightIcon />
        <span className="picker-source-number">{source.number}</span>
        <span className="picker-source-title">{source.title}</span>
        <span className={cx('picker-origin', `picker-origin-${source.origin}`)}>{ORIGIN_LABELS[source.origin]}</span>
      </button>
      <div id={bodyId} hidden={!open}>
        {nodes.length === 0 ? (
          <p className="picker-empty">
            {source.origin === 'none' ? 'Test this step to see its fields.' : 'This step returned no fields.'}{' '}
            <button type="button" className="link-button" onClick={() => onPick(source.id, [])}>
              Insert its whole output
            </button>
          </p>
        ) : (
          <ul className="picker-tree" role="list">
            {nodes.map((node) => (
              <TreeNode key={node.key} node={node} source={source} depth={0} onPick={onPick} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function TreeNode({ node, source, depth, onPick }: { node: DataNode; source: DataSource; depth: number; onPick: DataPickerProps['onPick'] }) {
  const [open, setOpen] = useState(false);
  const name = fieldName(node.path);
  const label = fieldLabel(source, node.path);
  const spoken = spokenName(node.path, label);
  return (
    <li className="picker-node">
      <div className="picker-row" style={{ paddingLeft: `${depth * 0.9}rem` }}>
        {node.children ? (
          <button
            type="button"
            className="picker-toggle"
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} the fields of ${spoken}`}
            onClick={() => setOpen(!open)}
          >
            <ChevronRightIcon />
          </button>
        ) : (
          <span className="picker-toggle-space" aria-hidden="true" />
        )}
        <button
          type="button"
          className="picker-field"
          aria-label={`Insert ${spoken}`}
          title={`Insert {{${name}}}`}
          onClick={() => onPick(source.id, node.path)}
        >
          <FieldName label={label}>{node.key}</FieldName>
          <span className="picker-value">{preview(node.value)}</span>
        </button>
      </div>
      {node.children && open && (
        <ul className="picker-tree" role="list">
          {node.children.map((child) => (
            <TreeNode key={child.key} node={child} source={source} depth={depth + 1} onPick={onPick} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A field's declared label with its raw key beside it, or the raw key alone. */
function FieldName({ label, children }: { label: string | undefined; children: string }) {
  if (label === undefined) return <span className="picker-key">{children}</span>;
  return (
    <>
      <span className="picker-label">{label}</span>
      <span className="picker-key picker-key-secondary">{children}</span>
    </>
  );
}

function SearchResults({ sources, query, onPick }: { sources: readonly DataSource[]; query: string; onPick: DataPickerProps['onPick'] }) {
  const matches = sources.flatMap((source) =>
    flattenTree(dataTree(source.data))
      .map((node) => ({ source, node, label: fieldLabel(source, node.path) }))
      .filter(({ node, label }) => {
        const value = node.children ? '' : preview(node.value, 200).toLowerCase();
        return fieldName(node.path).toLowerCase().includes(query) || (label?.toLowerCase().includes(query) ?? false) || value.includes(query);
      })
      .slice(0, 50),
  );
  if (matches.length === 0) return <p className="picker-empty">No field or value matches “{query}”.</p>;
  return (
    <ul className="picker-tree" role="list">
      {matches.map(({ source, node, label }) => (
        <li key={`${source.id}:${fieldName(node.path)}`} className="picker-node">
          <button
            type="button"
            className="picker-field"
            aria-label={`Insert ${spokenName(node.path, label)} from step ${source.number}`}
            onClick={() => onPick(source.id, node.path)}
          >
            <span className="picker-source-number">{source.number}</span>
            <FieldName label={label}>{readablePath(node.path)}</FieldName>
            <span className="picker-value">{preview(node.value)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
