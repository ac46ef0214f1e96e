// A polite "loading" line for screen readers and sighted users alike.
import { cx } from './cx.ts';
import './ui.css';

export function Loading({ label = 'Loading…', className }: { label?: string; className?: string }) {
  return (
    <div className={cx('loading', className)} role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
