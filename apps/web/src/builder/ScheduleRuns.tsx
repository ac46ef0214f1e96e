// The next five times a schedule trigger fires, in the schedule's own time zone, so a cron expression can be checked.
import { nextScheduleRuns } from '@switchyard/connectors/schedule';

const RUNS = 5;

const zoneOf = (input: unknown) =>
  typeof input === 'object' && input !== null && 'timezone' in input && typeof input.timezone === 'string' ? input.timezone : 'UTC';

/** `from` is the moment to count from; the builder passes none and gets the runs after now. */
export function ScheduleRuns({ input, from }: { input: unknown; from?: Date }) {
  const runs = nextScheduleRuns(input, RUNS, from ?? new Date());
  if (runs.length === 0) return null;
  const zone = zoneOf(input);
  const format = new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  });
  return (
    <section className="schedule-runs" aria-label="Next runs">
      <h4>Next runs ({zone})</h4>
      <ol>
        {runs.map((run) => (
          <li key={run.getTime()}>
            <time dateTime={run.toISOString()}>{format.format(run)}</time>
          </li>
        ))}
      </ol>
    </section>
  );
}
