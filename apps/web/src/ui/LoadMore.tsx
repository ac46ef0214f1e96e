// The "Load more" control under a cursor-paginated list.
import { Button } from './Button.tsx';
import './ui.css';

export function LoadMore({ hasMore, loading, onLoadMore }: { hasMore: boolean; loading: boolean; onLoadMore: () => void }) {
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <Button busy={loading} onClick={onLoadMore}>
        {loading ? 'Loading…' : 'Load more'}
      </Button>
    </div>
  );
}
