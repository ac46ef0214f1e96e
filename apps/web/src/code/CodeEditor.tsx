// A JavaScript editor: a plain textarea (typing, undo, selection and accessibility stay native) over a highlighted copy.
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { cx } from '../ui/cx.ts';
import { tokenize } from './highlight.ts';
import './code.css';

export type CodeEditorProps = {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: true | undefined;
  readOnly?: boolean;
  minRows?: number;
};

const INDENT = '  ';

export function CodeEditor({ id, value, onChange, readOnly = false, minRows = 8, ...aria }: CodeEditorProps) {
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const preRef = useRef<HTMLPreElement>(null);
  // Tab indents; after Escape the next Tab leaves the editor, so keyboard users are never trapped.
  const releaseTab = useRef(false);
  const tokens = useMemo(() => tokenize(value), [value]);
  const rows = Math.max(minRows, value.split('\n').length + 1);

  const replaceSelection = (text: string, start: number, end: number, caret: number) => {
    const area = areaRef.current;
    if (!area) return;
    onChange(value.slice(0, start) + text + value.slice(end));
    requestAnimationFrame(() => area.setSelectionRange(caret, caret));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const area = event.currentTarget;
    if (event.key === 'Escape') {
      releaseTab.current = true;
      return;
    }
    if (event.key === 'Tab' && !releaseTab.current && !event.shiftKey) {
      event.preventDefault();
      replaceSelection(INDENT, area.selectionStart, area.selectionEnd, area.selectionStart + INDENT.length);
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.metaKey && !event.ctrlKey) {
      // Keep the current line's indentation, one level deeper after an opening bracket.
      const start = area.selectionStart;
      const lineStart = value.lastIndexOf('\n', start - 1) + 1;
      const indent = /^[ \t]*/.exec(value.slice(lineStart, start))?.[0] ?? '';
      const opens = /[{[(]\s*$/.test(value.slice(lineStart, start));
      const text = `\n${indent}${opens ? INDENT : ''}`;
      event.preventDefault();
      replaceSelection(text, start, area.selectionEnd, start + text.length);
    }
    releaseTab.current = false;
  };

  return (
    <div className={cx('code-editor', readOnly && 'code-editor-readonly')}>
      <pre ref={preRef} className="code-highlight" aria-hidden="true">
        {tokens.map((token, index) =>
          token.kind === 'plain' ? (
            token.text
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: tokens are positions in the text, with no state to keep between renders.
            <span key={index} className={`tok-${token.kind}`}>
              {token.text}
            </span>
          ),
        )}
        {/* A trailing newline needs a character after it to take up a line. */}
        {'\n'}
      </pre>
      <textarea
        ref={areaRef}
        id={id}
        className="code-input"
        value={value}
        rows={rows}
        readOnly={readOnly}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        wrap="off"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          if (preRef.current) {
            preRef.current.scrollTop = event.currentTarget.scrollTop;
            preRef.current.scrollLeft = event.currentTarget.scrollLeft;
          }
        }}
        {...aria}
      />
    </div>
  );
}
