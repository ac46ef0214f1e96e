// The zap's name in the builder bar, edited in place; an empty name never reaches the draft.
import { useState } from 'react';
import { useFollow } from '../ui/useFollow.ts';
import './builder.css';

export function ZapNameInput({ name, readOnly, onChange }: { name: string; readOnly: boolean; onChange: (name: string) => void }) {
  const [value, setValue] = useState(name);
  // Follow the draft only when it changed elsewhere; while typing, "New " must keep its space.
  useFollow(name, (next) => {
    if (next.trim() !== value.trim()) setValue(next);
  });
  return (
    <input
      className="zap-name-input"
      aria-label="Zap name"
      value={value}
      readOnly={readOnly}
      maxLength={200}
      onChange={(event) => {
        setValue(event.target.value);
        // An empty name is not a valid zap: keep the last one until something is typed.
        if (event.target.value.trim() !== '') onChange(event.target.value);
      }}
      onBlur={() => {
        if (value.trim() === '') setValue(name);
      }}
    />
  );
}
