// Saves the draft by itself: a debounced PUT after each pause in editing, one request at a time, never losing an edit.
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveZap } from '../zaps/api.ts';
import type { Zap } from '@switchyard/contracts';
import type { ZapDraft } from './draft.ts';

export type SaveState = {
  status: 'saved' | 'pending' | 'saving' | 'error';
  error: Error | null;
  savedAt: number | null;
  /** Increments with every successful save: problems and other derived data refresh on it. */
  revision: number;
};

const DEBOUNCE_MS = 700;

export function useAutosave(workspaceId: string, zapId: string, draft: ZapDraft, { enabled, onSaved }: { enabled: boolean; onSaved: (zap: Zap) => void }) {
  const [state, setState] = useState<SaveState>({ status: 'saved', error: null, savedAt: null, revision: 0 });
  const latest = useRef(draft);
  latest.current = draft;
  const saved = useRef(JSON.stringify(draft));
  const inFlight = useRef<Promise<void> | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const flush = useCallback(async (): Promise<void> => {
    // One PUT at a time, so an older draft can never land after a newer one.
    while (inFlight.current) await inFlight.current.catch(() => undefined);
    const body = latest.current;
    const text = JSON.stringify(body);
    if (text === saved.current) return;
    setState((current) => ({ ...current, status: 'saving' }));
    const request = saveZap(workspaceId, zapId, body).then(
      (reply) => {
        saved.current = text;
        onSavedRef.current(reply);
        setState((current) => ({
          status: JSON.stringify(latest.current) === text ? 'saved' : 'pending',
          error: null,
          savedAt: Date.now(),
          revision: current.revision + 1,
        }));
      },
      (error: unknown) => {
        setState((current) => ({ ...current, status: 'error', error: error instanceof Error ? error : new Error(String(error)) }));
        throw error;
      },
    );
    inFlight.current = request.finally(() => {
      inFlight.current = null;
    });
    await request;
  }, [workspaceId, zapId]);

  useEffect(() => {
    if (!enabled || JSON.stringify(draft) === saved.current) return;
    setState((current) => (current.status === 'error' ? current : { ...current, status: 'pending' }));
    const timer = setTimeout(() => void flush().catch(() => undefined), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, enabled, flush]);

  const unsaved = enabled && state.status !== 'saved';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  // Leaving the builder (another page of the app) saves what is left.
  useEffect(
    () => () => {
      if (enabled && JSON.stringify(latest.current) !== saved.current) void flush().catch(() => undefined);
    },
    [enabled, flush],
  );

  return { state, flush };
}
