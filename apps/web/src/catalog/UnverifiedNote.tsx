// The warning next to a trigger or action whose request rests on a guess about the service.
import type { Operation } from './api.ts';
import './catalog.css';

export const UNVERIFIED_TEXT = 'Built from incomplete documentation: check the run’s HTTP request the first time.';

/** Nothing for operations built from the service's published definition. */
export function UnverifiedNote({ operation, compact = false }: { operation: Pick<Operation, 'verified' | 'unverifiedReason'> | undefined; compact?: boolean }) {
  if (operation?.verified !== false) return null;
  return (
    <span className="unverified-note" role="note">
      {UNVERIFIED_TEXT}
      {!compact && operation.unverifiedReason ? ` ${operation.unverifiedReason}` : ''}
    </span>
  );
}
