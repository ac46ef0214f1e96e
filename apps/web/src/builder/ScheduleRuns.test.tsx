// Tests of the next-runs list under a schedule trigger's form.
import { render, screen, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { ScheduleRuns } from './ScheduleRuns.tsx';

const from = new Date('2026-03-28T12:00:00Z');

it('lists the next five runs of a cron schedule in its time zone, across the spring-forward change', () => {
  render(<ScheduleRuns input={{ frequency: 'cron', cron: '30 2 * * *', timezone: 'Europe/Prague' }} from={from} />);
  const list = screen.getByRole('region', { name: 'Next runs' });
  expect(within(list).getByRole('heading').textContent).toBe('Next runs (Europe/Prague)');
  const times = within(list)
    .getAllByRole('listitem')
    .map((item) => item.querySelector('time')?.getAttribute('dateTime'));
  // 02:30 does not exist in Prague on 29 March 2026; that run comes at 03:00 local (01:00 UTC).
  expect(times).toEqual([
    '2026-03-29T01:00:00.000Z',
    '2026-03-30T00:30:00.000Z',
    '2026-03-31T00:30:00.000Z',
    '2026-04-01T00:30:00.000Z',
    '2026-04-02T00:30:00.000Z',
  ]);
  expect(within(list).getAllByRole('listitem')[1]?.textContent).toMatch(/2:30/);
});

it('lists interval runs and shows nothing for an invalid cron expression', () => {
  const { rerender } = render(<ScheduleRuns input={{ frequency: 'interval', everyMinutes: 30 }} from={from} />);
  expect(screen.getAllByRole('listitem')).toHaveLength(5);
  rerender(<ScheduleRuns input={{ frequency: 'cron', cron: '0 25 * * *', timezone: 'UTC' }} from={from} />);
  expect(screen.queryByRole('region', { name: 'Next runs' })).toBeNull();
});
