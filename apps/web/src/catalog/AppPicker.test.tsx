// The operation list says which triggers and actions rest on a guess about the service, before anyone picks one.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Operation } from './api.ts';
import { OperationPicker } from './AppPicker.tsx';
import { UNVERIFIED_TEXT, UnverifiedNote } from './UnverifiedNote.tsx';

const base = { description: 'Does a thing.', inputSchema: { type: 'object' }, sample: {} };
const operations: Operation[] = [
  { ...base, key: 'create_ticket', name: 'Create ticket', verified: true, unverifiedReason: null },
  { ...base, key: 'set_pause', name: 'Pause or resume', verified: false, unverifiedReason: 'The pause endpoint is inferred.' },
  { ...base, key: 'older_server', name: 'From an older server' },
];

describe('unverified operations', () => {
  it('are marked in the list; verified ones and those from older servers are not', () => {
    render(<OperationPicker operations={operations} onPick={() => undefined} label="Search actions" />);
    const option = (name: string) => screen.getByRole('button', { name: new RegExp(name) });
    expect(within(option('Pause or resume')).getByRole('note').textContent).toBe(UNVERIFIED_TEXT);
    expect(within(option('Create ticket')).queryByRole('note')).toBeNull();
    expect(within(option('From an older server')).queryByRole('note')).toBeNull();
  });

  it('say what is guessed where the step is edited', () => {
    render(<UnverifiedNote operation={operations[1]} />);
    expect(screen.getByRole('note').textContent).toBe(`${UNVERIFIED_TEXT} The pause endpoint is inferred.`);
  });
});
