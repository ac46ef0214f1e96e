// "/": opens the workspace used last (or the first one); offers to create one when the user has none.
import { AuthLayout } from '../auth/AuthLayout.tsx';
import { LogoutButton } from '../auth/LogoutButton.tsx';
import { useSession } from '../auth/session.ts';
import { navigate, Redirect } from '../router.tsx';
import { AccountLoading } from '../ui/AccountLoading.tsx';
import { lastWorkspace } from './current.tsx';
import { NewWorkspaceForm } from './NewWorkspaceForm.tsx';

export function HomePage() {
  const session = useSession();

  if (session.isPending || session.isError) return <AccountLoading session={session} label="Loading your workspaces…" />;

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
