// The result of testing the whole zap: its status, the trigger data used and each step's record.
import type { Run, StepRecord } from '@switchyard/contracts';
import { ApiError } from '../api.ts';
import { RunStatusBadge } from '../runs/RunStatusBadge.tsx';
import { StepTimeline, type DescribeStep } from '../runs/StepTimeline.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { CloseIcon } from '../ui/icons.tsx';
import { JsonView } from '../ui/JsonView.tsx';
import { Time } from '../ui/Time.tsx';
import './builder.css';

export function TestRunPanel({ run, error, describe, onClose }: { run: Run | null; error: Error | null; describe: DescribeStep; onClose: () => void }) {
  const details = error instanceof ApiError ? error.details : [];
  return (
    <section className="card test-panel" aria-labelledby="test-run-title">
      <div className="test-panel-head">
        <h2 id="test-run-title" className="card-title">
          Test run {run && <RunStatusBadge status={run.status} />}
        </h2>
        {run?.startedAt && (
          <span className="muted">
            <Time value={run.startedAt} withTime />
          </span>
        )}
        <button type="button" className="icon-button" aria-label="Close the test results" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <ErrorBanner title="Could not test the zap" error={error} details={details} />
      {run?.error && <p className="field-error">{run.error}</p>}
      {run?.status === 'filtered' && <p className="muted">A filter stopped the run: its rules did not pass for this data. Later steps did not run.</p>}
      {run && (
        <details className="test-trigger">
          <summary>Trigger data used</summary>
          <JsonView label="Trigger data" value={run.trigger.data} />
        </details>
      )}
      {run && <StepTimeline steps={run.steps as StepRecord[]} describe={describe} emptyText="No step ran." />}
    </section>
  );
}
