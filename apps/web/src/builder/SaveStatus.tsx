// The builder bar's autosave status: saving, unsaved, saved, or the error with a retry.
import { WarningIcon } from '../ui/icons.tsx';
import type { SaveState } from './autosave.ts';
import './builder.css';

export function SaveStatus({ state, readOnly, onRetry }: { state: SaveState; readOnly: boolean; onRetry: () => void }) {
  if (readOnly) return <span className="save-status muted">Read only</span>;
  return (
    <span className="save-status" role="status">
      {state.status === 'saving' && (
        <>
          <span className="spinner" aria-hidden="true" /> Saving…
        </>
      )}
      {state.status === 'pending' && <span className="muted">Unsaved changes</span>}
      {state.status === 'saved' && <span className="muted">{state.savedAt ? 'All changes saved' : 'Draft saved'}</span>}
      {state.status === 'error' && (
        <span className="save-error">
          <WarningIcon /> Not saved: {state.error?.message}{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            Try again
          </button>
        </span>
      )}
    </span>
  );
}
