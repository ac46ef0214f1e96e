// The app's button: four looks, a small size, and a busy state that stays focusable.
import type { ComponentProps, MouseEvent } from 'react';
import { cx } from './cx.ts';
import './ui.css';

export type ButtonProps = ComponentProps<'button'> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  size?: 'md' | 'sm';
  /** Shows a spinner and ignores clicks without disabling, so keyboard focus stays on the button. */
  busy?: boolean;
};

export function Button({ variant = 'secondary', size = 'md', busy = false, type = 'button', className, onClick, children, ...rest }: ButtonProps) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type}
      className={cx('btn', `btn-${variant}`, size === 'sm' && 'btn-sm', className)}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={handleClick}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
