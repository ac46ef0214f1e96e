// The steps of a run (or a test) in order, each expandable to its input, output, error, attempts, logs and HTTP requests.
import { useId, useState } from 'react';
import type { StepRecord } from '@switchyard/contracts';
import { cx } from '../ui/cx.ts';
import { ChevronRightIcon } from '../ui/icons.tsx';
import { JsonView } from '../ui/JsonView.tsx';
import { Time } from '../ui/Time.tsx';
import { formatDuration } from './api.ts';
import { StepStatusBadge } from './RunStatusBadge.tsx';
import './runs.css';

/** How a step is named in the timeline: the builder's number and title when known, else its key. */
export type DescribeStep = (record: StepRecord) => { number?: number | undefined; title: string };

export const describeByKey: DescribeStep = (record) => ({
  title: record.app && record.action ? `${record.key} (${record.app} · ${record.action})` : `${record.key} (${record.type})`,
});

/** `route/failed/deal` -> "path “failed” of route"; `each[3]/inner` -> "item 4 of each". */
export function pathContext(path: string): string | null {
  const parts = path.split('/').slice(0, -1);
  if (parts.length === 0) return null;
  const described: string[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index] ?? '';
    const item = /^(.+)\[(\d+)\]$/.exec(part);
    if (item) {
      described.push(`item ${Number(item[2]) + 1} of ${item[1]}`);
    } else {
      // A paths step's key is followed by the name of the branch that ran.
      const branch = parts[index + 1];
      described.push(branch === undefined ? part : `path “${branch}” of ${part}`);
      index += 1;
    }
  }
  return described.join(' › ');
}

export function StepTimeline({
  steps,
  describe = describeByKey,
  emptyText = 'No step ran.',
}: {
  steps: StepRecord[];
  describe?: DescribeStep;
  emptyText?: string;
}) {
  if (steps.length === 0) return <p className="muted timeline-empty">{emptyText}</p>;
  return (
    <ol className="timeline">
      {steps.map((record) => (
        <TimelineItem key={record.path} record={record} describe={describe} />
      ))}
    </ol>
  );
}

function TimelineItem({ record, describe }: { record: StepRecord; describe: DescribeStep }) {
  const [open, setOpen] = useState(record.status === 'error');
  const bodyId = useId();
  const { number, title } = describe(record);
  const context = pathContext(record.path);
  return (
    <li className={cx('timeline-item', `timeline-item-${record.status}`)}>
      <button type="button" className="timeline-head" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        <ChevronRightIcon />
        <span className="timeline-title">
          {number !== undefined && <span className="step-number">{number}</span>}
          <span className="timeline-name">{title}</span>
          {context && <span className="timeline-context">{context}</span>}
        </span>
        <span className="timeline-meta">
          <StepStatusBadge status={record.status} />
          <span className="timeline-duration">{formatDuration(record.durationMs)}</span>
        </span>
      </button>
      <div id={bodyId} hidden={!open} className="timeline-body">
        {open && <StepRecordView record={record} />}
      </div>
    </li>
  );
}

export function StepRecordView({ record }: { record: StepRecord }) {
  return (
    <div className="step-record">
      {record.error && (
        <div className="banner banner-error" role="note">
          <div className="banner-text">
            <p className="banner-title">The step failed</p>
            <p>{record.error}</p>
          </div>
        </div>
      )}
      {record.missing.length > 0 && (
        <div className="banner banner-warning" role="note">
          <div className="banner-text">
            <p>
              {record.missing.length === 1 ? 'This reference was empty: ' : 'These references were empty: '}
              {record.missing.map((ref) => (
                <code key={ref}>{`{{${ref}}}`}</code>
              ))}
            </p>
          </div>
        </div>
      )}
      <dl className="record-meta">
        <div>
          <dt>Started</dt>
          <dd>
            <Time value={record.startedAt} withTime />
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(record.durationMs)}</dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd>{record.attempts}</dd>
        </div>
        {record.app && (
          <div>
            <dt>App</dt>
            <dd>
              {record.app}
              {record.action ? ` · ${record.action}` : ''}
            </dd>
          </div>
        )}
      </dl>
      <div className="record-io">
        <JsonView label="Input" value={record.input} />
        <JsonView label="Output" value={record.output} />
      </div>
      {record.logs.length > 0 && (
        <section className="record-section" aria-label="Logs">
          <h4 className="record-heading">Logs</h4>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls, and keyboard users scroll it once it has focus. */}
          <pre className="log-lines" tabIndex={0}>
            {record.logs.join('\n')}
          </pre>
        </section>
      )}
      {record.requests.length > 0 && (
        <section className="record-section" aria-label="HTTP requests">
          <h4 className="record-heading">
            HTTP request{record.requests.length === 1 ? '' : 's'} ({record.requests.length})
          </h4>
          <ol className="requests">
            {record.requests.map((request, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a record's requests are a fixed, ordered log with no id of their own.
              <li key={index} className="request">
                <details open={record.requests.length === 1}>
                  <summary className="request-line">
                    <span className="request-method">{request.method}</span>
                    <span className="request-url">{request.url}</span>
                    <span className={cx('request-status', requestClass(request.status))}>{request.status === null ? 'no response' : request.status}</span>
                    {request.durationMs !== undefined && <span className="request-duration">{formatDuration(request.durationMs)}</span>}
                  </summary>
                  <div className="record-io">
                    <JsonView label="Request body" value={request.requestBody} />
                    <JsonView label="Response body" value={request.responseBody} />
                  </div>
                </details>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

function requestClass(status: number | null): string {
  if (status === null || status >= 500) return 'request-status-error';
  if (status >= 400) return 'request-status-warn';
  return 'request-status-ok';
}
