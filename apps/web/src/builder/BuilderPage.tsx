// The zap builder: the trigger and steps as cards, autosaved drafts, problems next to their steps, tests and publishing.
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Run, StepRecord, Zap } from '@switchyard/contracts';
import { ApiError, type ErrorDetail } from '../api.ts';
import { catalogOf, useApps } from '../catalog/api.ts';
import { Link } from '../router.tsx';
import { RunStatusBadge } from '../runs/RunStatusBadge.tsx';
import { StepTimeline, type DescribeStep } from '../runs/StepTimeline.tsx';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { ArrowLeftIcon, CloseIcon, PlayIcon, WarningIcon } from '../ui/icons.tsx';
import { JsonView } from '../ui/JsonView.tsx';
import { Loading } from '../ui/Loading.tsx';
import { useDocumentTitle } from '../ui/Page.tsx';
import { Switch } from '../ui/Switch.tsx';
import { Time } from '../ui/Time.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { canWrite } from '../workspaces/roles.ts';
import { publishZap, unpublishZap, useZap, zapKey, zapProblems, zapsKey } from '../zaps/api.ts';
import { AddStepDialog, type StepChoice } from './AddStepDialog.tsx';
import { useAutosave, type SaveState } from './autosave.ts';
import { BuilderContext, type Builder } from './context.ts';
import { applyEdit, findStep, flattenSteps, ROOT, stepNumbers, type DraftEdit, type ListAddress, type ZapDraft } from './draft.ts';
import { stepTitle } from './labels.ts';
import { newStep } from './new-step.ts';
import { indexProblems, locateProblem } from './problems.ts';
import { RenameStepDialog } from './RenameStepDialog.tsx';
import { StepList } from './StepList.tsx';
import { sourcesFor, useTestData } from './test-data.ts';
import { TRIGGER_CARD_KEY, TriggerCard } from './TriggerCard.tsx';
import './builder.css';

export function BuilderPage({ zapId }: { zapId: string }) {
  const workspace = useCurrentWorkspace();
  const zap = useZap(workspace.id, zapId);
  const apps = useApps();
  useDocumentTitle(zap.data?.name ?? 'Zap');

  if (zap.isPending || apps.isPending) return <Loading label="Loading the zap…" />;
  if (zap.isError) {
    const missing = zap.error instanceof ApiError && zap.error.status === 404;
    return missing ? (
      <EmptyState title="Zap not found" action={<Link className="btn btn-primary" to={`/w/${encodeURIComponent(workspace.id)}/zaps`}>Go to your zaps</Link>}>
        <p>This zap does not exist in {workspace.name}, or it was deleted.</p>
      </EmptyState>
    ) : (
      <ErrorBanner title="Could not load the zap" error={zap.error} onRetry={() => void zap.refetch()} />
    );
  }
  if (apps.isError) return <ErrorBanner title="Could not load the app catalog" error={apps.error} onRetry={() => void apps.refetch()} />;
  return <LoadedBuilder key={zapId} initial={zap.data} catalog={catalogOf(apps.data)} />;
}

function draftOf(zap: Zap): ZapDraft {
  return { name: zap.name, trigger: zap.trigger, steps: zap.steps };
}

type Dialog = { kind: 'add'; address: ListAddress; index: number } | { kind: 'rename'; key: string } | { kind: 'delete'; key: string };

function LoadedBuilder({ initial, catalog }: { initial: Zap; catalog: ReturnType<typeof catalogOf> }) {
  const workspace = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const zapId = initial.id;
  const readOnly = !canWrite(workspace.role);
  const [draft, edit] = useReducer(applyEdit, initial, draftOf);
  const [zap, setZap] = useState(initial);
  const [open, setOpenKeys] = useState<Set<string>>(() => new Set(initial.steps.length === 0 ? [TRIGGER_CARD_KEY] : []));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [published, setPublished] = useState<Zap | null>(null);

  const onSaved = useCallback(
    (reply: Zap) => {
      setZap(reply);
      queryClient.setQueryData(zapKey(workspace.id, zapId), reply);
      void queryClient.invalidateQueries({ queryKey: [...zapsKey(workspace.id), 'list'] });
    },
    [queryClient, workspace.id, zapId],
  );
  const save = useAutosave(workspace.id, zapId, draft, { enabled: !readOnly, onSaved });

  const problemsKey = [...zapKey(workspace.id, zapId), 'problems', save.state.revision] as const;
  const problemsQuery = useQuery({
    queryKey: problemsKey,
    queryFn: ({ signal }) => zapProblems(workspace.id, zapId, signal),
    placeholderData: (previous) => previous,
  });
  const problems = useMemo(() => indexProblems(problemsQuery.data?.problems ?? [], draft), [problemsQuery.data, draft]);

  const isHook = catalog.trigger(draft.trigger.app, draft.trigger.event)?.kind === 'hook';
  const test = useTestData(workspace.id, zapId, isHook);
  const triggerId = `${draft.trigger.app}:${draft.trigger.event}`;
  const [testedTrigger, setTestedTrigger] = useState(triggerId);
  if (testedTrigger !== triggerId) {
    // A new trigger: data of the old one would mislead the data picker.
    setTestedTrigger(triggerId);
    test.resetTrigger();
  }
  const numbers = useMemo(() => stepNumbers(draft.steps), [draft.steps]);

  const setOpen = useCallback((key: string, value: boolean) => {
    setOpenKeys((current) => {
      const next = new Set(current);
      if (value) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  /** Opens a step (and the containers around it) and brings it into view; `only` closes the other steps. */
  const goToStep = (key: string | null, { only = false, steps = draft.steps }: { only?: boolean; steps?: ZapDraft['steps'] } = {}) => {
    const keys = key === null ? [TRIGGER_CARD_KEY] : [...(findStep(steps, key)?.ancestors.map((step) => step.key) ?? []), key];
    setOpenKeys((current) => new Set([...(only ? [] : current), ...keys]));
    requestAnimationFrame(() => {
      const card = document.getElementById(key === null ? 'step-trigger' : `step-${key}`);
      // jsdom (tests) has no layout, hence no scrolling.
      if (typeof card?.scrollIntoView === 'function') card.scrollIntoView({ block: 'start', behavior: 'smooth' });
      card?.querySelector<HTMLElement>('.step-toggle')?.focus({ preventScroll: true });
    });
  };

  const builder: Builder = {
    workspaceId: workspace.id,
    zapId,
    zap,
    draft,
    edit: (change: DraftEdit) => {
      if (!readOnly) edit(change);
    },
    catalog,
    readOnly,
    problems,
    showProblems,
    numbers,
    isOpen: (key) => open.has(key),
    setOpen,
    test,
    sourcesFor: (key) => sourcesFor(key, draft, catalog, test, numbers),
    flush: save.flush,
    addStep: (address, index) => setDialog({ kind: 'add', address, index }),
    renameStep: (key) => setDialog({ kind: 'rename', key }),
    deleteStep: (key) => setDialog({ kind: 'delete', key }),
  };

  const publish = useMutation({
    mutationFn: async () => {
      await save.flush();
      return publishZap(workspace.id, zapId);
    },
    onSuccess: (reply) => {
      setZap(reply);
      setPublished(reply);
      setShowProblems(false);
      queryClient.setQueryData(zapKey(workspace.id, zapId), reply);
      void queryClient.invalidateQueries({ queryKey: [...zapsKey(workspace.id), 'list'] });
    },
    onError: (error) => {
      setPublished(null);
      if (error instanceof ApiError && error.status === 422 && error.details.length > 0) {
        // The publish reply lists the problems of exactly the draft it saw: show them now.
        queryClient.setQueryData(problemsKey, { problems: error.details });
        setShowProblems(true);
      }
    },
  });
  const unpublish = useMutation({
    mutationFn: () => unpublishZap(workspace.id, zapId),
    onSuccess: (reply) => {
      setZap(reply);
      setPublished(null);
      queryClient.setQueryData(zapKey(workspace.id, zapId), reply);
      void queryClient.invalidateQueries({ queryKey: [...zapsKey(workspace.id), 'list'] });
    },
  });
  const testAll = useMutation({
    mutationFn: async () => {
      await save.flush();
      return test.run();
    },
  });

  const addChosen = (choice: StepChoice) => {
    if (dialog?.kind !== 'add') return;
    const step = newStep(choice.kind, draft.steps, choice.app && choice.action ? { app: choice.app, action: choice.action } : undefined);
    const change: DraftEdit = { type: 'insert', address: dialog.address, index: dialog.index, step };
    edit(change);
    setDialog(null);
    // The new step is where the work is now: open it alone (inside its containers).
    goToStep(step.key, { only: true, steps: applyEdit(draft, change).steps });
  };

  const toDelete = dialog?.kind === 'delete' ? findStep(draft.steps, dialog.key) : null;
  const toRename = dialog?.kind === 'rename' ? findStep(draft.steps, dialog.key) : null;
  const publishDetails = publish.error instanceof ApiError && publish.error.status === 422 ? [] : publish.error instanceof ApiError ? publish.error.details : [];

  return (
    <BuilderContext value={builder}>
      <div className="builder">
        <header className="builder-bar">
          <Link to={`/w/${encodeURIComponent(workspace.id)}/zaps`} className="back-link">
            <ArrowLeftIcon /> Zaps
          </Link>
          <ZapNameInput name={draft.name} readOnly={readOnly} onChange={(name) => edit({ type: 'name', name })} />
          <div className="builder-status">
            <Link to={`/w/${encodeURIComponent(workspace.id)}/runs?zapId=${encodeURIComponent(zapId)}`} className="runs-link">
              Run history
            </Link>
            <SaveStatus state={save.state} readOnly={readOnly} onRetry={() => void save.flush().catch(() => undefined)} />
            <ProblemCount
              count={problems.total}
              loading={problemsQuery.isPending}
              shown={showProblems}
              onToggle={() => setShowProblems(!showProblems)}
            />
          </div>
          <div className="builder-actions">
            <Button busy={testAll.isPending} disabled={readOnly} onClick={() => testAll.mutate()}>
              <PlayIcon /> {testAll.isPending ? 'Testing…' : 'Test zap'}
            </Button>
            <PublishControls
              zap={zap}
              readOnly={readOnly}
              publishing={publish.isPending}
              unpublishing={unpublish.isPending}
              onPublish={() => publish.mutate()}
              onUnpublish={() => unpublish.mutate()}
            />
          </div>
        </header>

        <div className="builder-notices">
          {readOnly && (
            <div className="banner banner-info" role="note">
              <div className="banner-text">
                <p>You are a viewer in {workspace.name}: you can look at this zap but not change, test or publish it.</p>
              </div>
            </div>
          )}
          <PublicationNotice zap={zap} />
          {published && (
            <div className="banner banner-success" role="status">
              <div className="banner-text">
                <p>
                  Published: the zap is on and runs version {published.publishedVersion}.{' '}
                  <Link to={`/w/${encodeURIComponent(workspace.id)}/runs?zapId=${encodeURIComponent(zapId)}`}>See its runs</Link>
                </p>
              </div>
              <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setPublished(null)}>
                <CloseIcon />
              </button>
            </div>
          )}
          <ErrorBanner title="Could not turn the zap off" error={unpublish.error} />
          {publish.error && !(publish.error instanceof ApiError && publish.error.status === 422 && publish.error.details.length > 0) && (
            <ErrorBanner title="Could not publish" error={publish.error} details={publishDetails} />
          )}
          {showProblems && (
            <ProblemsPanel
              details={problemsQuery.data?.problems ?? []}
              draft={draft}
              publishFailed={publish.isError}
              onGoTo={(key) => goToStep(key)}
              onClose={() => setShowProblems(false)}
            />
          )}
          {(testAll.data || testAll.error) && (
            <TestRunPanel
              run={testAll.data ?? null}
              error={testAll.error}
              describe={(record) => {
                const found = findStep(draft.steps, record.key);
                return { number: numbers.get(record.key), title: found ? stepTitle(found.step, catalog) : record.key };
              }}
              onClose={() => testAll.reset()}
            />
          )}
        </div>

        <div className="canvas" aria-label="Trigger and steps">
          <TriggerCard />
          <StepList steps={draft.steps} address={ROOT} leadingInsert emptyText={draft.steps.length === 0 ? 'Now add what the zap does: a step in an app, code, a filter…' : undefined} />
        </div>
      </div>

      {dialog?.kind === 'add' && <AddStepDialog catalog={catalog} onPick={addChosen} onClose={() => setDialog(null)} />}
      {toRename && (
        <RenameStepDialog
          step={toRename.step}
          steps={draft.steps}
          defaultTitle={stepTitle({ ...toRename.step, name: undefined }, catalog)}
          onClose={() => setDialog(null)}
          onSave={({ name, key }) => {
            const current = toRename.step;
            const { name: _previous, ...rest } = current;
            edit({ type: 'step', key: current.key, step: name ? { ...rest, name } : rest });
            if (key !== current.key) edit({ type: 'rename-key', from: current.key, to: key });
            setDialog(null);
          }}
        />
      )}
      {toDelete && (
        <ConfirmDialog
          title={`Delete step ${numbers.get(toDelete.step.key)}, “${stepTitle(toDelete.step, catalog)}”?`}
          confirmLabel="Delete step"
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            // Keyboard focus goes to the step before it (or its container, or the trigger), not to the page's start.
            const neighbour = toDelete.list[toDelete.index - 1]?.key ?? toDelete.ancestors.at(-1)?.key ?? null;
            edit({ type: 'remove', key: toDelete.step.key });
            setDialog(null);
            requestAnimationFrame(() => {
              document.getElementById(neighbour === null ? 'step-trigger' : `step-${neighbour}`)?.querySelector<HTMLElement>('.step-toggle')?.focus();
            });
          }}
        >
          <p>
            {flattenSteps([toDelete.step]).length > 1 ? `The ${flattenSteps([toDelete.step]).length - 1} steps inside it are deleted too. ` : ''}
            Later steps that use its data get empty values. The published version, if any, keeps running until you publish again.
          </p>
        </ConfirmDialog>
      )}
    </BuilderContext>
  );
}

function ZapNameInput({ name, readOnly, onChange }: { name: string; readOnly: boolean; onChange: (name: string) => void }) {
  const [value, setValue] = useState(name);
  // Follow the draft only when it changed elsewhere; while typing, "New " must keep its space.
  useEffect(() => {
    if (name.trim() !== value.trim()) setValue(name);
  }, [name]);
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

function SaveStatus({ state, readOnly, onRetry }: { state: SaveState; readOnly: boolean; onRetry: () => void }) {
  if (readOnly) return <span className="save-status muted">Read only</span>;
  return (
    <span className="save-status" role="status">
      {state.status === 'saving' && (
        <>
          <span className="spinner" aria-hidden="true" /> Saving…
        </>
      )}
      {state.status === 'pending' && <span className="muted">Unsaved changes</span>}
      {state.status === 'saved' && <span className="muted">{state.savedAt ? 'All changes saved' : 'Draft saved'}</span>}
      {state.status === 'error' && (
        <span className="save-error">
          <WarningIcon /> Not saved: {state.error?.message}{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            Try again
          </button>
        </span>
      )}
    </span>
  );
}

function ProblemCount({ count, loading, shown, onToggle }: { count: number; loading: boolean; shown: boolean; onToggle: () => void }) {
  if (loading) return null;
  if (count === 0) return <span className="badge badge-success">Ready to publish</span>;
  return (
    <button type="button" className="problem-count" aria-expanded={shown} onClick={onToggle}>
      <WarningIcon /> {count} problem{count === 1 ? '' : 's'} to fix
    </button>
  );
}

function PublishControls({
  zap,
  readOnly,
  publishing,
  unpublishing,
  onPublish,
  onUnpublish,
}: {
  zap: Zap;
  readOnly: boolean;
  publishing: boolean;
  unpublishing: boolean;
  onPublish: () => void;
  onUnpublish: () => void;
}) {
  const on = zap.status === 'on';
  return (
    <>
      {(!on || zap.draftDiffers) && (
        <Button variant="primary" busy={publishing} disabled={readOnly} onClick={onPublish}>
          {publishing ? 'Publishing…' : on ? 'Publish changes' : 'Publish'}
        </Button>
      )}
      {(on || zap.publishedVersion !== null) && (
        <Switch
          checked={on}
          label={on ? 'Zap is on: turn it off' : 'Zap is off: publish and turn it on'}
          busy={publishing || unpublishing}
          disabled={readOnly}
          onChange={(next) => (next ? onPublish() : onUnpublish())}
        />
      )}
    </>
  );
}

function PublicationNotice({ zap }: { zap: Zap }) {
  if (zap.disabledReason) {
    return (
      <div className="banner banner-error" role="note">
        <div className="banner-text">
          <p className="banner-title">Switchyard turned this zap off</p>
          <p>{zap.disabledReason}</p>
        </div>
      </div>
    );
  }
  if (zap.status === 'on' && zap.draftDiffers) {
    return (
      <div className="banner banner-warning" role="note">
        <div className="banner-text">
          <p>
            <strong>The draft differs from what runs.</strong> The zap keeps running version {zap.publishedVersion} until you publish the changes.
          </p>
        </div>
      </div>
    );
  }
  if (zap.status === 'on') {
    return (
      <p className="builder-note">
        <span className="badge badge-success">On</span> Running version {zap.publishedVersion}, the same as this draft.
        {zap.lastError && <span className="muted"> Last error: {zap.lastError}</span>}
      </p>
    );
  }
  if (zap.publishedVersion !== null) {
    return (
      <p className="builder-note">
        <span className="badge">Off</span> Version {zap.publishedVersion} was published before; publish to turn the zap on again.
      </p>
    );
  }
  return null;
}

function ProblemsPanel({
  details,
  draft,
  publishFailed,
  onGoTo,
  onClose,
}: {
  details: ErrorDetail[];
  draft: ZapDraft;
  publishFailed: boolean;
  onGoTo: (key: string | null) => void;
  onClose: () => void;
}) {
  const numbers = stepNumbers(draft.steps);
  if (details.length === 0) {
    return (
      <div className="banner banner-success" role="status">
        <div className="banner-text">
          <p>No problems: the zap can be published.</p>
        </div>
        <button type="button" className="icon-button" aria-label="Hide" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
    );
  }
  return (
    <section className={publishFailed ? 'banner banner-error problems-panel' : 'banner banner-warning problems-panel'} role={publishFailed ? 'alert' : 'region'} aria-label="Problems to fix">
      <div className="banner-text">
        <p className="banner-title">
          {publishFailed ? 'The zap cannot be published yet: ' : ''}
          {details.length} problem{details.length === 1 ? '' : 's'} to fix
        </p>
        <ul className="problems-list">
          {details.map((detail) => {
            const target = locateProblem(detail, draft);
            const where = target.scope === 'trigger' ? 'Trigger' : target.scope === 'step' ? `Step ${numbers.get(target.key) ?? '?'}` : 'Zap';
            return (
              <li key={`${detail.path}:${detail.message}`}>
                <strong>{where}:</strong> {detail.message}{' '}
                {target.scope !== 'zap' && (
                  <button type="button" className="link-button" onClick={() => onGoTo(target.scope === 'step' ? target.key : null)}>
                    Go to {where.toLowerCase()}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      <button type="button" className="icon-button" aria-label="Hide the problems" onClick={onClose}>
        <CloseIcon />
      </button>
    </section>
  );
}

function TestRunPanel({ run, error, describe, onClose }: { run: Run | null; error: Error | null; describe: DescribeStep; onClose: () => void }) {
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
