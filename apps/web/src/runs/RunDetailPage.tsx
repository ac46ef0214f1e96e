// One run: its trigger data, a timeline of its steps with everything they sent and received, and replay.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StepRecord } from '@switchyard/contracts';
import { ApiError } from '../api.ts';
import { findStep, stepNumbers } from '../builder/draft.ts';
import { stepTitle } from '../builder/labels.ts';
import { catalogOf, useApps } from '../catalog/api.ts';
import { Link, navigate } from '../router.tsx';
import { Button } from '../ui/Button.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { ArrowLeftIcon } from '../ui/icons.tsx';
import { JsonView } from '../ui/JsonView.tsx';
import { Loading } from '../ui/Loading.tsx';
import { Page } from '../ui/Page.tsx';
import { Time } from '../ui/Time.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { canWrite } from '../workspaces/roles.ts';
import { useZap } from '../zaps/api.ts';
import { formatDuration, replayRun, runDuration, runsKey, UNFINISHED, useRun } from './api.ts';
import { RunStatusBadge } from './RunStatusBadge.tsx';
import { StepTimeline, type DescribeStep } from './StepTimeline.tsx';
import './runs.css';

export function RunDetailPage({ runId }: { runId: string }) {
  const workspace = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const run = useRun(workspace.id, runId);
  const zap = useZap(workspace.id, run.data?.zapId);
  const apps = useApps();
  const catalog = catalogOf(apps.data);
  const base = `/w/${encodeURIComponent(workspace.id)}`;

  const replay = useMutation({
    mutationFn: (from: 'start' | 'failed_step') => replayRun(workspace.id, runId, from),
    onSuccess: async ({ runId: next }) => {
      await queryClient.invalidateQueries({ queryKey: runsKey(workspace.id) });
      navigate(`${base}/runs/${encodeURIComponent(next)}`);
    },
  });

  if (run.isPending) {
    return (
      <Page title="Run">
        <Loading label="Loading the run…" />
      </Page>
    );
  }
  if (run.isError) {
    const missing = run.error instanceof ApiError && run.error.status === 404;
    return (
      <Page title={missing ? 'Run not found' : 'Run'}>
        {missing ? (
          <EmptyState
            title="Run not found"
            action={
              <Link className="btn btn-primary" to={`${base}/runs`}>
                Go to run history
              </Link>
            }
          >
            <p>This run does not exist in {workspace.name}, or it was deleted with its zap.</p>
          </EmptyState>
        ) : (
          <ErrorBanner title="Could not load the run" error={run.error} onRetry={() => void run.refetch()} />
        )}
      </Page>
    );
  }

  const data = run.data;
  const zapName = zap.data?.name ?? 'Zap';
  const numbers = zap.data ? stepNumbers(zap.data.steps) : new Map<string, number>();
  const describe: DescribeStep = (record: StepRecord) => {
    const found = zap.data ? findStep(zap.data.steps, record.key) : null;
    return {
      number: numbers.get(record.key),
      title: found ? stepTitle(found.step, catalog) : record.app ? `${catalog.appName(record.app)} · ${record.action ?? record.key}` : record.key,
    };
  };
  const finished = !UNFINISHED.includes(data.status);
  const isTest = data.zapVersion === null;
  const writable = canWrite(workspace.role);

  return (
    <Page
      title={`Run of ${zapName}`}
      description={
        <Link to={`${base}/runs`} className="back-link">
          <ArrowLeftIcon /> Run history
        </Link>
      }
      actions={
        writable && !isTest ? (
          <>
            {data.status === 'failed' && (
              <Button busy={replay.isPending && replay.variables === 'failed_step'} onClick={() => replay.mutate('failed_step')} disabled={!finished}>
                Replay from the failed step
              </Button>
            )}
            <Button variant="primary" busy={replay.isPending && replay.variables === 'start'} onClick={() => replay.mutate('start')} disabled={!finished}>
              Replay from the start
            </Button>
          </>
        ) : undefined
      }
    >
      <ErrorBanner title="Could not replay the run" error={replay.error} />
      {data.replayOf && (
        <div className="banner banner-info" role="status">
          <div className="banner-text">
            <p>
              This run replays <Link to={`${base}/runs/${encodeURIComponent(data.replayOf.id)}`}>an earlier run</Link> with the same trigger data
              {data.replayOf.from === 'failed_step' ? ', from its failed step on' : ', from the start'}.
            </p>
          </div>
        </div>
      )}
      <section className="card run-summary" aria-label="Summary">
        <dl className="record-meta">
          <div>
            <dt>Status</dt>
            <dd>
              <RunStatusBadge status={data.status} />
              {!finished && <span className="spinner run-spinner" aria-hidden="true" />}
            </dd>
          </div>
          <div>
            <dt>Zap</dt>
            <dd>
              <Link to={`${base}/zaps/${encodeURIComponent(data.zapId)}`}>{zapName}</Link>
              {isTest ? (
                <span className="badge badge-muted">Test</span>
              ) : (
                data.zapVersion !== null && <span className="muted"> · version {data.zapVersion}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>{data.startedAt ? <Time value={data.startedAt} withTime /> : 'Not yet'}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{formatDuration(runDuration(data))}</dd>
          </div>
          {data.resumeAt && data.status === 'waiting' && (
            <div>
              <dt>Resumes</dt>
              <dd>
                <Time value={data.resumeAt} withTime />
              </dd>
            </div>
          )}
          <div>
            <dt>Run id</dt>
            <dd>
              <code>{data.id}</code>
            </dd>
          </div>
        </dl>
        {data.error && (
          <div className="banner banner-error" role="note">
            <div className="banner-text">
              <p className="banner-title">The run {data.status === 'failed' ? 'failed' : 'stopped'}</p>
              <p>{data.error}</p>
            </div>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="trigger-data-title">
        <h2 id="trigger-data-title" className="card-title">
          Trigger data
        </h2>
        <JsonView label="Trigger data" value={data.trigger.data} />
      </section>

      <section className="card" aria-labelledby="steps-title">
        <h2 id="steps-title" className="card-title">
          Steps
        </h2>
        <StepTimeline
          steps={data.steps}
          describe={describe}
          emptyText={finished ? 'No step ran: the run stopped before its first step.' : 'Waiting for the first step…'}
        />
      </section>
    </Page>
  );
}
