// "Test step": runs the draft up to this step with the trigger's test data and shows what went in and came out.
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../api.ts';
import { RunStatusBadge } from '../runs/RunStatusBadge.tsx';
import { StepRecordView } from '../runs/StepTimeline.tsx';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { PlayIcon } from '../ui/icons.tsx';
import { useBuilder } from './context.ts';
import './builder.css';

export function StepTest({ stepKey, sendsRequests }: { stepKey: string; sendsRequests?: string | undefined }) {
  const builder = useBuilder();
  const test = useMutation({
    mutationFn: async () => {
      await builder.flush();
      return builder.test.run(stepKey);
    },
  });
  const ran = test.data?.steps.find((record) => record.key === stepKey);
  const record = test.data ? ran : builder.test.steps[stepKey];
  const fromEarlier = !test.data && record !== undefined;
  const details = test.error instanceof ApiError ? test.error.details : [];

  return (
    <section className="step-test" aria-label="Test this step">
      <div className="step-test-head">
        <div>
          <h4 className="record-heading">Test</h4>
          <p className="field-hint">
            Runs the zap up to this step with the trigger’s test data.
            {sendsRequests && <> It really sends the request{sendsRequests === 'HTTP' ? '' : ` to ${sendsRequests}`}.</>}
          </p>
        </div>
        <Button busy={test.isPending} onClick={() => test.mutate()} disabled={builder.readOnly}>
          <PlayIcon /> {test.isPending ? 'Testing…' : record ? 'Test again' : 'Test step'}
        </Button>
      </div>
      <ErrorBanner title="Could not test the step" error={test.error} details={details} />
      {test.data && !ran && (
        <div className="banner banner-info" role="status">
          <div className="banner-text">
            <p>
              This step did not run in the test: the run ended <RunStatusBadge status={test.data.status} /> before reaching it
              {test.data.error ? `: ${test.data.error}` : '.'}
            </p>
          </div>
        </div>
      )}
      {record && (
        <div className="step-test-result" role={test.data ? 'status' : undefined}>
          {fromEarlier && <p className="muted">From the latest test or run:</p>}
          <StepRecordView record={record} />
        </div>
      )}
    </section>
  );
}
