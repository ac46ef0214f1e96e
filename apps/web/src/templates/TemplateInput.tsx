// A text field that mixes typed text with `{{...}}` references, shown as chips and inserted through the data picker.
import type { PathSegment } from '@switchyard/contracts';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { cx } from '../ui/cx.ts';
import { DataIcon } from '../ui/icons.tsx';
import { chipLabel, type DataSource } from './data.ts';
import { DataPicker } from './DataPicker.tsx';
import { splitTemplate, templateOf } from './references.ts';
import { useTemplateScope } from './scope.ts';
import './templates.css';

export type TemplateInputProps = {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
  /** The id of the visible label; or use `aria-label`. */
  labelledBy?: string;
  'aria-label'?: string;
  'aria-invalid'?: true | undefined;
  'aria-describedby'?: string | undefined;
  'aria-required'?: boolean | undefined;
  disabled?: boolean;
  /** Mono font for code-like values (JSON paths, regular expressions). */
  mono?: boolean;
  /** Names the field in the "insert data" button's label when the field is named by `labelledBy`. */
  fieldName?: string;
  className?: string;
};

const CHIP = 'data-ref';

/** Reads the editor's DOM back into template text: chips become `{{ref}}`, line breaks `\n`. */
export function serializeEditor(root: HTMLElement): string {
  let text = '';
  const walk = (node: Node, isRoot: boolean) => {
    node.childNodes.forEach((child, index) => {
      if (child.nodeType === Node.TEXT_NODE) {
        text += child.textContent ?? '';
        return;
      }
      if (!(child instanceof HTMLElement)) return;
      const ref = child.getAttribute(CHIP);
      if (ref !== null) {
        text += `{{${ref}}}`;
        return;
      }
      if (child.tagName === 'BR') {
        // Browsers keep a trailing <br> in an editable box so the caret has a line: it is not content.
        const isTrailing = isRoot && index === node.childNodes.length - 1;
        if (!isTrailing) text += '\n';
        return;
      }
      // Some browsers wrap new lines in <div>s when editing; each starts a line.
      if ((child.tagName === 'DIV' || child.tagName === 'P') && text !== '' && !text.endsWith('\n')) text += '\n';
      walk(child, false);
    });
  };
  walk(root, true);
  return text;
}

function chipElement(text: string, label: ReturnType<typeof chipLabel>): HTMLElement {
  const chip = document.createElement('span');
  chip.className = cx('chip', !label.known && 'chip-unknown');
  chip.setAttribute(CHIP, text);
  chip.setAttribute('contenteditable', 'false');
  chip.title = label.title;
  const badge = document.createElement('span');
  badge.className = 'chip-badge';
  badge.textContent = label.badge;
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = label.known ? 'Step ' : 'Unknown step ';
  const name = document.createElement('span');
  name.className = 'chip-text';
  name.textContent = label.text;
  chip.append(hidden, badge, name);
  return chip;
}

function renderEditor(root: HTMLElement, value: string, sources: readonly DataSource[]): void {
  const nodes: Node[] = splitTemplate(value).map((segment) =>
    segment.kind === 'text' ? document.createTextNode(segment.text) : chipElement(segment.ref.text, chipLabel(segment.ref, sources)),
  );
  // A final newline needs something after it to show as an empty line.
  if (value.endsWith('\n')) nodes.push(document.createElement('br'));
  root.replaceChildren(...nodes);
}

/** The text and chips as rendered now, to tell whether the DOM shows the current value and labels. */
function renderedSignature(root: HTMLElement): string {
  return `${serializeEditor(root)}\u0000${[...root.querySelectorAll('.chip')].map((chip) => chip.textContent).join('|')}`;
}

function expectedSignature(value: string, sources: readonly DataSource[]): string {
  const labels = splitTemplate(value).flatMap((segment) => {
    if (segment.kind !== 'ref') return [];
    const label = chipLabel(segment.ref, sources);
    return [(label.known ? 'Step ' : 'Unknown step ') + label.badge + label.text];
  });
  return `${value}\u0000${labels.join('|')}`;
}

function insertAtRange(root: HTMLElement, range: Range | null, node: Node): Range {
  let target = range;
  if (!target || !root.contains(target.startContainer)) {
    target = document.createRange();
    target.selectNodeContents(root);
    target.collapse(false);
    const last = root.lastChild;
    if (last instanceof HTMLElement && last.tagName === 'BR') target.setStartBefore(last);
  }
  target.deleteContents();
  target.insertNode(node);
  const after = document.createRange();
  after.setStartAfter(node);
  after.collapse(true);
  return after;
}

export function TemplateInput({
  id,
  value,
  onChange,
  multiline = false,
  placeholder,
  labelledBy,
  disabled = false,
  mono = false,
  fieldName,
  className,
  ...aria
}: TemplateInputProps) {
  const scope = useTemplateScope();
  const editorRef = useRef<HTMLDivElement>(null);
  const rangeRef = useRef<Range | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [focused, setFocused] = useState(false);
  const readOnly = disabled || scope.readOnly;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the check reads focus from document.activeElement; `focused` re-runs it when the editor loses focus, so chips re-render.
  useLayoutEffect(() => {
    const root = editorRef.current;
    if (!root) return;
    const typing = document.activeElement === root;
    // While the user types, the DOM is the truth; re-render only when the value changed from elsewhere.
    if (typing ? serializeEditor(root) === value : renderedSignature(root) === expectedSignature(value, scope.sources)) return;
    renderEditor(root, value, scope.sources);
  }, [value, scope.sources, focused]);

  const emit = () => {
    const root = editorRef.current;
    if (!root) return;
    let next = serializeEditor(root);
    if (!multiline) next = next.replace(/\n/g, ' ');
    if (next !== value) onChange(next);
  };

  const rememberRange = useCallback(() => {
    const root = editorRef.current;
    const selection = window.getSelection();
    if (!root || !selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (root.contains(range.startContainer)) rangeRef.current = range.cloneRange();
  }, []);

  const placeCaret = (range: Range) => {
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    rangeRef.current = range.cloneRange();
  };

  const insertText = (text: string) => {
    const root = editorRef.current;
    if (!root || text === '') return;
    placeCaret(insertAtRange(root, rangeRef.current, document.createTextNode(text)));
    emit();
  };

  const insertReference = (source: string, path: PathSegment[]) => {
    const root = editorRef.current;
    setPickerOpen(false);
    if (!root) return;
    const inner = templateOf(source, path).slice(2, -2);
    const [segment] = splitTemplate(`{{${inner}}}`);
    if (segment?.kind !== 'ref') return;
    const chip = chipElement(segment.ref.text, chipLabel(segment.ref, scope.sources));
    root.focus();
    placeCaret(insertAtRange(root, rangeRef.current, chip));
    emit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (multiline) {
        rememberRange();
        insertText('\n');
      }
      return;
    }
    if (event.key === 'Escape' && pickerOpen) {
      event.stopPropagation();
      setPickerOpen(false);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    // Only text comes in: pasted markup would become content nobody can see in the saved value.
    event.preventDefault();
    rememberRange();
    const text = event.clipboardData.getData('text/plain');
    insertText(multiline ? text : text.replace(/\r?\n/g, ' '));
  };

  useEffect(() => {
    if (!pickerOpen) return;
    // Keep the caret where it was when the picker opened, so the reference lands there.
    rememberRange();
  }, [pickerOpen, rememberRange]);

  return (
    <div className={cx('template-field', className)}>
      <div className="template-box">
        {/* biome-ignore lint/a11y/useSemanticElements: references show as chips inside the text, which neither input nor textarea can hold. */}
        <div
          ref={editorRef}
          id={id}
          role="textbox"
          tabIndex={readOnly ? -1 : 0}
          contentEditable={!readOnly}
          suppressContentEditableWarning
          aria-multiline={multiline}
          aria-labelledby={labelledBy}
          aria-readonly={readOnly || undefined}
          aria-disabled={disabled || undefined}
          data-placeholder={placeholder}
          spellCheck={false}
          className={cx('input', 'template-input', multiline && 'template-input-multiline', mono && 'input-mono', readOnly && 'template-input-readonly')}
          onInput={() => {
            rememberRange();
            emit();
          }}
          onKeyDown={onKeyDown}
          onKeyUp={rememberRange}
          onMouseUp={rememberRange}
          onPaste={onPaste}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            rememberRange();
            setFocused(false);
          }}
          {...aria}
        />
        {!readOnly && scope.sources.length > 0 && (
          <button
            type="button"
            className="template-insert"
            aria-label={`Insert data into ${fieldName ?? aria['aria-label'] ?? 'the field'}`}
            title="Insert data from the trigger or an earlier step"
            aria-expanded={pickerOpen}
            onMouseDown={(event) => {
              // Keep the editor's caret: a mouse click would otherwise move focus before we read it.
              event.preventDefault();
              rememberRange();
            }}
            onClick={() => setPickerOpen((open) => !open)}
          >
            <DataIcon />
          </button>
        )}
      </div>
      {pickerOpen && (
        <DataPicker
          sources={scope.sources}
          onPick={insertReference}
          onClose={() => {
            setPickerOpen(false);
            editorRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
