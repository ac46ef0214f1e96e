// The builder bar's count of problems to fix before publishing, which opens the problems panel.
import { WarningIcon } from '../ui/icons.tsx';
import './builder.css';

export function ProblemCount({ count, loading, shown, onToggle }: { count: number; loading: boolean; shown: boolean; onToggle: () => void }) {
  if (loading) return null;
  if (count === 0) return <span className="badge badge-success">Ready to publish</span>;
  return (
    <button type="button" className="problem-count" aria-expanded={shown} onClick={onToggle}>
      <WarningIcon /> {count} problem{count === 1 ? '' : 's'} to fix
    </button>
  );
}
