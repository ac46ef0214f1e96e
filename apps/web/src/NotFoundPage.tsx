// The page for a URL the app does not know.
import { Link } from './router.tsx';
import { EmptyState } from './ui/EmptyState.tsx';
import { useDocumentTitle } from './ui/Page.tsx';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <main className="centered">
      <EmptyState
        title="Page not found"
        action={
          <Link className="btn btn-primary" to="/">
            Go to Switchyard
          </Link>
        }
      >
        <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      </EmptyState>
    </main>
  );
}
