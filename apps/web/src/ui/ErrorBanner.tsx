// Shows a failure's message (and any details no field claimed) right where it happened.
import { ApiError, type ErrorDetail } from '../api.ts';
import { Button } from './Button.tsx';
import { cx } from './cx.ts';
import './ui.css';

export type ErrorBannerProps = {
  error: Error | null | undefined;
  title?: string;
  /** Field problems that have no input on screen; listed under the message. */
  details?: ErrorDetail[];
  onRetry?: () => void;
  className?: string;
};

export function ErrorBanner({ error, title, details = [], onRetry, className }: ErrorBannerProps) {
  if (!error) return null;
  const code = error instanceof ApiError && error.status > 0 ? error.code : null;
  return (
    <div className={cx('banner', 'banner-error', className)} role="alert">
      <div className="banner-text">
        {title && <p className="banner-title">{title}</p>}
        <p>{error.message}</p>
        {details.length > 0 && (
          <ul className="banner-details">
            {details.map((detail) => (
              <li key={`${detail.path}:${detail.message}`}>
                {detail.path ? <code>{detail.path}</code> : null} {detail.message}
              </li>
            ))}
          </ul>
        )}
        {code && <p className="banner-code">Error code: {code}</p>}
      </div>
      {onRetry && (
        <Button size="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
