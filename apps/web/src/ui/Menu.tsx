// A menu button: a short list of actions for one item (a zap, a step), reachable with the keyboard.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { cx } from './cx.ts';
import { MoreIcon } from './icons.tsx';
import './ui.css';

export type MenuItem = { label: string; onSelect: () => void; danger?: boolean; disabled?: boolean };

export type MenuProps = {
  /** The accessible name of the button, e.g. "Actions for Weekly report". */
  label: string;
  items: MenuItem[];
  /** Visible content of the button; a "…" icon by default. */
  children?: ReactNode;
  className?: string;
};

/** The menu's items that can take focus, in order. */
function itemButtons(root: HTMLElement | null): HTMLButtonElement[] {
  return [...(root?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? [])];
}

export function Menu({ label, items, children, className }: MenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    itemButtons(rootRef.current)[0]?.focus();
    const closeOnOutside = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!open) return;
    const buttons = itemButtons(rootRef.current);
    // biome-ignore lint/complexity/useIndexOf: `indexOf` would need a cast, since the focused element is an `Element | null` and not a button.
    const index = buttons.findIndex((button) => button === document.activeElement);
    if (event.key === 'Escape') {
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      buttons[(index + 1) % buttons.length]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      buttons[(index - 1 + buttons.length) % buttons.length]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys bubble up here from the menu button and items; the wrapper itself never takes focus.
    <div ref={rootRef} className={cx('menu', className)} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button menu-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
      >
        {children ?? <MoreIcon />}
      </button>
      {open && (
        <div id={menuId} role="menu" aria-label={label} className="menu-list">
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className={cx('menu-item', item.danger && 'menu-item-danger')}
              disabled={item.disabled}
              onClick={() => {
                setOpen(false);
                buttonRef.current?.focus();
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
