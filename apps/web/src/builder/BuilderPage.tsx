// The zap builder: the trigger and steps as cards, autosaved drafts, problems next to their steps, tests and publishing.
import { useCallback, useMemo, useReducer, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Zap } from '@switchyard/contracts';
import { ApiError } from '../api.ts';
import { catalogOf, useApps } from '../catalog/api.ts';
import { Link } from '../router.tsx';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { ArrowLeftIcon, CloseIcon, PlayIcon } from '../ui/icons.tsx';
import { Loading } from '../ui/Loading.tsx';
import { useDocumentTitle } from '../ui/Page.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { canWrite } from '../workspaces/roles.ts';
import { publishZap, unpublishZap, useZap, zapKey, zapProblems, zapsKey } from '../zaps/api.ts';
import { AddStepDialog, type StepChoice } from './AddStepDialog.tsx';
import { useAutosave } from './autosave.ts';
import { BuilderContext, type Builder } from './context.ts';
import { applyEdit, findStep, flattenSteps, ROOT, stepNumbers, type DraftEdit, type ListAddress, type ZapDraft } from './draft.ts';
import { stepTitle } from './labels.ts';
import { newStep } from './new-step.ts';
import { ProblemCount } from './ProblemCount.tsx';
import { indexProblems } from './problems.ts';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { PublicationNotice } from './PublicationNotice.tsx';
import { PublishControls } from './PublishControls.tsx';
import { RenameStepDialog } from './RenameStepDialog.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { StepList } from './StepList.tsx';
import { sourcesFor, useTestData } from './test-data.ts';
import { TestRunPanel } from './TestRunPanel.tsx';
import { TRIGGER_CARD_KEY, TriggerCard } from './TriggerCard.tsx';
import { ZapNameInput } from './ZapNameInput.tsx';
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
      <EmptyState
        title="Zap not found"
        action={
          <Link className="btn btn-primary" to={`/w/${encodeURIComponent(workspace.id)}/zaps`}>
            Go to your zaps
          </Link>
        }
      >
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
  const publishDetails =
    publish.error instanceof ApiError && publish.error.status === 422 ? [] : publish.error instanceof ApiError ? publish.error.details : [];

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
            <ProblemCount count={problems.total} loading={problemsQuery.isPending} shown={showProblems} onToggle={() => setShowProblems(!showProblems)} />
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

        <section className="canvas" aria-label="Trigger and steps">
          <TriggerCard />
          <StepList
            steps={draft.steps}
            address={ROOT}
            leadingInsert
            emptyText={draft.steps.length === 0 ? 'Now add what the zap does: a step in an app, code, a filter…' : undefined}
          />
        </section>
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
              document
                .getElementById(neighbour === null ? 'step-trigger' : `step-${neighbour}`)
                ?.querySelector<HTMLElement>('.step-toggle')
                ?.focus();
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
