// "/": opens the workspace used last (or the first one); offers to create one when the user has none.
import { ApiError } from '../api.ts';
import { AuthLayout } from '../auth/AuthLayout.tsx';
import { LogoutButton } from '../auth/LogoutButton.tsx';
import { useSession } from '../auth/session.ts';
import { navigate, Redirect } from '../router.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Loading } from '../ui/Loading.tsx';
import { lastWorkspace } from './current.tsx';
import { NewWorkspaceForm } from './NewWorkspaceForm.tsx';

export function HomePage() {
  const session = useSession();

  if (session.isPending) return <Loading className="loading-page" label="Loading your workspaces…" />;
  if (session.isError) {
    if (session.error instanceof ApiError && session.error.status === 401) {
      return <Loading className="loading-page" label="Taking you to the login screen…" />;
    }
    return (
      <div className="centered">
        <ErrorBanner title="Could not load your account" error={session.error} onRetry={() => void session.refetch()} />
      </div>
    );
  }

  const { workspaces, user } = session.data;
  const remembered = lastWorkspace();
  const target = workspaces.find((workspace) => workspace.id === remembered) ?? workspaces[0];
  if (target) return <Redirect to={`/w/${encodeURIComponent(target.id)}/zaps`} />;

  return (
    <AuthLayout
      title="Create a workspace"
      subtitle={`You are signed in as ${user.email} but do not belong to any workspace yet. Create one, or ask a colleague to add you to theirs.`}
      footer={<LogoutButton />}
    >
      <NewWorkspaceForm onCreated={(workspace) => navigate(`/w/${encodeURIComponent(workspace.id)}/zaps`)} />
    </AuthLayout>
  );
}
