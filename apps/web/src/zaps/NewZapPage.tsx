// Creating a zap starts with its trigger: choose the app and the event, and the builder opens on the new draft.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { catalogOf, useApps } from '../catalog/api.ts';
import { TriggerChooser } from '../builder/TriggerChooser.tsx';
import { Link, navigate } from '../router.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { ArrowLeftIcon } from '../ui/icons.tsx';
import { Loading } from '../ui/Loading.tsx';
import { Page } from '../ui/Page.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { canWrite } from '../workspaces/roles.ts';
import { createZap, zapKey, zapsKey } from './api.ts';
import './zaps.css';

export function NewZapPage() {
  const workspace = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const apps = useApps();
  const base = `/w/${encodeURIComponent(workspace.id)}`;
  const create = useMutation({
    mutationFn: (trigger: { app: string; event: string }) => createZap(workspace.id, { name: 'Untitled zap', trigger: { ...trigger, input: {} }, steps: [] }),
    onSuccess: (zap) => {
      queryClient.setQueryData(zapKey(workspace.id, zap.id), zap);
      void queryClient.invalidateQueries({ queryKey: [...zapsKey(workspace.id), 'list'] });
      navigate(`${base}/zaps/${encodeURIComponent(zap.id)}`, { replace: true });
    },
  });

  return (
    <Page
      title="Create a zap"
      description={
        <Link to={`${base}/zaps`} className="back-link">
          <ArrowLeftIcon /> Zaps
        </Link>
      }
    >
      {!canWrite(workspace.role) ? (
        <section className="card">
          <EmptyState title="Viewers cannot create zaps">
            <p>Ask an editor, an admin or an owner of {workspace.name} to create it, or to make you an editor.</p>
          </EmptyState>
        </section>
      ) : apps.isPending ? (
        <Loading label="Loading the apps…" />
      ) : apps.isError ? (
        <ErrorBanner title="Could not load the app catalog" error={apps.error} onRetry={() => void apps.refetch()} />
      ) : (
        <section className="card new-zap" aria-label="Trigger">
          <p className="card-text-lead">
            <strong>When this happens…</strong> Every zap starts with a trigger: the event that starts a run.
          </p>
          <ErrorBanner title="Could not create the zap" error={create.error} />
          {create.isPending ? (
            <Loading label="Creating the zap…" />
          ) : (
            <TriggerChooser catalog={catalogOf(apps.data)} onPick={(app, trigger) => create.mutate({ app: app.key, event: trigger.key })} />
          )}
        </section>
      )}
    </Page>
  );
}
