// Tests of fields that keep their own text yet follow a value changed elsewhere (useFollow), through the fields that use it.
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ZapNameInput } from '../builder/ZapNameInput.tsx';
import { JsonField } from '../forms/JsonField.tsx';

function JsonHarness() {
  const [value, setValue] = useState<unknown>({ a: 1 });
  return (
    <>
      <JsonField label="Body" value={value} onChange={setValue} />
      <button type="button" onClick={() => setValue({ b: 2 })}>
        Change elsewhere
      </button>
    </>
  );
}

function NameHarness() {
  // The draft stores the trimmed name, as the builder does.
  const [name, setName] = useState('Untitled');
  return (
    <>
      <ZapNameInput name={name} readOnly={false} onChange={(next) => setName(next.trim())} />
      <button type="button" onClick={() => setName('Renamed elsewhere')}>
        Change elsewhere
      </button>
    </>
  );
}

describe('a field following its value', () => {
  it('keeps half-typed JSON and the user’s formatting, and shows a value changed elsewhere', () => {
    render(<JsonHarness />);
    const box = screen.getByRole('textbox', { name: 'Body' });
    fireEvent.change(box, { target: { value: '{"a":' } });
    expect(box).toHaveProperty('value', '{"a":');
    fireEvent.change(box, { target: { value: '{"a":   3}' } });
    expect(box).toHaveProperty('value', '{"a":   3}');
    fireEvent.click(screen.getByRole('button', { name: 'Change elsewhere' }));
    expect(box).toHaveProperty('value', JSON.stringify({ b: 2 }, null, 2));
  });

  it('keeps a trailing space and an emptied zap name while typing, and shows a name changed elsewhere', () => {
    render(<NameHarness />);
    const box = screen.getByRole('textbox', { name: 'Zap name' });
    fireEvent.change(box, { target: { value: 'New ' } });
    expect(box).toHaveProperty('value', 'New ');
    fireEvent.change(box, { target: { value: '' } });
    expect(box).toHaveProperty('value', '');
    fireEvent.click(screen.getByRole('button', { name: 'Change elsewhere' }));
    expect(box).toHaveProperty('value', 'Renamed elsewhere');
  });
});
