// Step 1, the trigger: its app and event, account, inputs, and its test data (a catch hook's received requests).
import { lazy, Suspense, useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { AppBadge } from '../catalog/AppBadge.tsx';
import type { TriggerKind } from '../catalog/api.ts';
import { ConnectionPicker } from '../connections/ConnectionPicker.tsx';
import { SchemaForm } from '../forms/SchemaForm.tsx';
import { Link } from '../router.tsx';
import { TemplateScopeContext } from '../templates/scope.ts';
import { Button } from '../ui/Button.tsx';
import { cx } from '../ui/cx.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { ChevronRightIcon, PlayIcon } from '../ui/icons.tsx';
import { JsonView } from '../ui/JsonView.tsx';
import { Modal } from '../ui/Modal.tsx';
import { runZapNow } from '../zaps/api.ts';
import { useBuilder } from './context.ts';
import { StepProblems } from './editors/common.tsx';
import { HookPanel } from './HookPanel.tsx';
import { triggerTitle } from './labels.ts';
import { NO_PROBLEMS } from './problems.ts';
import { triggerSource } from './test-data.ts';
import { TriggerChooser } from './TriggerChooser.tsx';
import { UnverifiedNote } from '../catalog/UnverifiedNote.tsx';
import './builder.css';

const KIND_TEXT: Record<TriggerKind, (app: string) => string> = {
  hook: () => 'Starts instantly when a request arrives at the URL below.',
  app_webhook: (app) => `When you publish, Switchyard subscribes to ${app} so it calls the zap the moment this happens; turning the zap off unsubscribes.`,
  polling: (app) => `Once published, Switchyard checks ${app} for new items every minute. The first check only notes what already exists.`,
  schedule: () => 'Once published, runs on the schedule set above.',
  manual: () => 'Runs when you click “Run now” while the zap is on.',
};

// Loaded on demand: it brings the schedule schema (zod) and croner, which no other page needs.
const ScheduleRuns = lazy(() => import('./ScheduleRuns.tsx').then(({ ScheduleRuns }) => ({ default: ScheduleRuns })));

export const TRIGGER_CARD_KEY = '__trigger';

export function TriggerCard() {
  const builder = useBuilder();
  const { catalog, draft } = builder;
  const [changing, setChanging] = useState(false);
  const bodyId = useId();
  const open = builder.isOpen(TRIGGER_CARD_KEY);
  const trigger = draft.trigger;
  const app = catalog.app(trigger.app);
  const operation = catalog.trigger(trigger.app, trigger.event);
  const problems = builder.showProblems ? builder.problems.trigger : NO_PROBLEMS;
  const problemCount = builder.problems.trigger.count;
  const title = triggerTitle(trigger, catalog);
  const appName = catalog.appName(trigger.app);
  const set = (patch: Partial<typeof trigger>) => builder.edit({ type: 'trigger', trigger: { ...trigger, ...patch } });
  const source = triggerSource(draft, catalog, builder.test);

  return (
    <div className={cx('step-node', 'trigger-node', open && 'step-node-open')} id="step-trigger">
      <article className={cx('step-card', problemCount > 0 && builder.showProblems && 'step-card-problem')} aria-label={`Trigger: ${title}`}>
        <div className="step-head">
          <button type="button" className="step-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => builder.setOpen(TRIGGER_CARD_KEY, !open)}>
            <ChevronRightIcon />
            <span className="step-number">1</span>
            <AppBadge appKey={trigger.app} name={appName} />
            <span className="step-heading">
              <span className="step-title">{title}</span>
              <span className="step-kind">Trigger · {appName}</span>
            </span>
            {problemCount > 0 && <span className="badge badge-warning">{problemCount} to fix</span>}
          </button>
        </div>
        {open && (
          <div id={bodyId} className="step-body">
            <TemplateScopeContext value={{ sources: [], readOnly: builder.readOnly }}>
              <div className="step-editor">
                <StepProblems problems={problems} claimed={['input', 'connectionId', 'app', 'event']} />
                <div className="step-app-row">
                  <AppBadge appKey={trigger.app} name={appName} />
                  <div className="step-app-text">
                    <p className="step-app-name">
                      {appName} · {operation?.name ?? trigger.event}
                    </p>
                    {operation && <p className="field-hint">{KIND_TEXT[operation.kind]?.(appName)}</p>}
                    <UnverifiedNote operation={operation} />
                    {(problems.at('app') ?? problems.at('event')) && <p className="field-error">{problems.at('app') ?? problems.at('event')}</p>}
                  </div>
                  {!builder.readOnly && (
                    <Button size="sm" onClick={() => setChanging(true)}>
                      Change
                    </Button>
                  )}
                </div>
                {app?.auth && (
                  <ConnectionPicker
                    app={app}
                    value={trigger.connectionId}
                    readOnly={builder.readOnly}
                    error={problems.at('connectionId')}
                    onChange={(connectionId) => set({ connectionId })}
                  />
                )}
                {operation && Object.keys(operation.inputSchema.properties ?? {}).length + (operation.inputSchema.oneOf?.length ?? 0) > 0 && (
                  <SchemaForm
                    schema={operation.inputSchema}
                    value={trigger.input ?? {}}
                    onChange={(input) => set({ input: input as NonNullable<typeof trigger.input> })}
                    problems={problems.under('input')}
                    options={{
                      workspaceId: builder.workspaceId,
                      app: trigger.app,
                      operation: { type: 'trigger', key: trigger.event },
                      connectionId: trigger.connectionId,
                      needsConnection: Boolean(app?.auth),
                    }}
                  />
                )}
                {operation?.kind === 'schedule' && (
                  <Suspense fallback={null}>
                    <ScheduleRuns input={trigger.input ?? {}} />
                  </Suspense>
                )}
                {operation?.kind === 'hook' && <HookPanel />}
                {operation?.kind === 'manual' && <RunNow />}
                <section className="trigger-data" aria-label="Test data">
                  <h4 className="record-heading">Test data</h4>
                  <p className="field-hint">
                    {source.origin === 'request'
                      ? 'A request the hook received. Later steps map their fields from it.'
                      : source.origin === 'test'
                        ? 'The trigger data of the latest test or run.'
                        : source.origin === 'sample'
                          ? `Sample data from ${appName}, until a test or a real event gives real data.`
                          : 'No test data yet.'}
                  </p>
                  {source.data !== undefined && <JsonView label="Trigger test data" value={source.data} />}
                </section>
              </div>
            </TemplateScopeContext>
          </div>
        )}
      </article>
      {changing && (
        <Modal title="Change the trigger" onClose={() => setChanging(false)}>
          <TriggerChooser
            catalog={catalog}
            current={trigger}
            onPick={(chosen, event) => {
              setChanging(false);
              if (chosen.key === trigger.app && event.key === trigger.event) return;
              builder.edit({
                type: 'trigger',
                trigger: {
                  app: chosen.key,
                  event: event.key,
                  input: {},
                  ...(chosen.key === trigger.app && trigger.connectionId ? { connectionId: trigger.connectionId } : {}),
                },
              });
            }}
          />
          <div className="modal-actions">
            <Button onClick={() => setChanging(false)}>Cancel</Button>
          </div>
        </Modal>
      )}
    </div>
  );
}

/** "Run now" for a manual trigger: starts a real run of the published zap. */
function RunNow() {
  const { workspaceId, zapId, zap, readOnly } = useBuilder();
  const run = useMutation({ mutationFn: () => runZapNow(workspaceId, zapId) });
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  return (
    <div className="run-now">
      <Button variant="primary" busy={run.isPending} disabled={readOnly || zap.status !== 'on'} onClick={() => run.mutate()}>
        <PlayIcon /> Run now
      </Button>
      {zap.status !== 'on' && <p className="field-hint">Publish the zap to run it; to try it first, use “Test zap”.</p>}
      <ErrorBanner title="Could not start the run" error={run.error} />
      {run.isSuccess && (
        <p className="form-success" role="status">
          Run started. <Link to={`${base}/runs/${encodeURIComponent(run.data.runId)}`}>See it in the run history</Link>
        </p>
      )}
    </div>
  );
}
