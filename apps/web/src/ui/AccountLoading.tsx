// The whole page while the signed-in account loads, or why it could not be loaded.
import { ApiError } from '../api.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { Loading } from './Loading.tsx';
import './ui.css';

export function AccountLoading({
  session,
  label,
}: {
  /** The session query, still pending or failed. */
  session: { isError: boolean; error: Error | null; refetch: () => unknown };
  /** What is being loaded, e.g. "Loading your workspace…". */
  label: string;
}) {
  if (!session.isError) return <Loading className="loading-page" label={label} />;
  // A 401 is already on its way to the login screen.
  if (session.error instanceof ApiError && session.error.status === 401) {
    return <Loading className="loading-page" label="Taking you to the login screen…" />;
  }
  return (
    <div className="centered">
      <ErrorBanner title="Could not load your account" error={session.error} onRetry={() => void session.refetch()} />
    </div>
  );
}
