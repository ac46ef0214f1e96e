// An on/off switch (role="switch"), e.g. a zap's on/off state; busy while the change is being made.
import { cx } from './cx.ts';
import './ui.css';

export type SwitchProps = {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  busy?: boolean;
  disabled?: boolean;
  /** Shows "On"/"Off" next to the switch. */
  showState?: boolean;
};

export function Switch({ checked, onChange, label, busy = false, disabled = false, showState = true }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      aria-busy={busy || undefined}
      disabled={disabled}
      className={cx('switch', checked && 'switch-on', busy && 'switch-busy')}
      onClick={() => {
        if (!busy) onChange(!checked);
      }}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {showState && <span className="switch-state">{checked ? 'On' : 'Off'}</span>}
    </button>
  );
}
