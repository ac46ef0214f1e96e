// The signed-in frame: header with workspace switcher and account, section navigation, and the page.
import { useEffect, type ReactNode } from 'react';
import { LogoutButton } from '../auth/LogoutButton.tsx';
import { useSession } from '../auth/session.ts';
import { Link } from '../router.tsx';
import { AccountLoading } from '../ui/AccountLoading.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { HistoryIcon, KeyIcon, Logo, MembersIcon, PlugIcon, ZapIcon } from '../ui/icons.tsx';
import { useDocumentTitle } from '../ui/Page.tsx';
import { CurrentWorkspaceContext, rememberWorkspace } from './current.tsx';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.tsx';
import './workspaces.css';

export type Section = 'zaps' | 'runs' | 'connections' | 'members' | 'api-keys' | 'audit';

const SECTIONS: Array<{ key: Section; label: string; icon: ReactNode }> = [
  { key: 'zaps', label: 'Zaps', icon: <ZapIcon /> },
  { key: 'runs', label: 'Run history', icon: <HistoryIcon /> },
  { key: 'connections', label: 'Connections', icon: <PlugIcon /> },
  { key: 'members', label: 'Members', icon: <MembersIcon /> },
  { key: 'api-keys', label: 'API keys', icon: <KeyIcon /> },
  { key: 'audit', label: 'Audit log', icon: <HistoryIcon /> },
];

export function AppShell({
  workspaceId,
  section,
  wide = false,
  children,
}: {
  workspaceId: string;
  section: Section;
  /** The builder uses the whole width; other pages keep a readable measure. */
  wide?: boolean;
  children: ReactNode;
}) {
  const session = useSession();
  const membership = session.data?.workspaces.find((workspace) => workspace.id === workspaceId);
  const memberOf = membership?.id;
  useEffect(() => {
    if (memberOf) rememberWorkspace(memberOf);
  }, [memberOf]);

  if (session.isPending || session.isError) return <AccountLoading session={session} label="Loading your workspace…" />;

  const { user, workspaces } = session.data;

  return (
    <div className="shell">
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link to #main; the handler moves focus there without putting the hash in the router's URL. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <Logo />
          <span>Switchyard</span>
        </Link>
        <WorkspaceSwitcher workspaces={workspaces} currentId={workspaceId} section={section} />
        <div className="account">
          <span className="account-email" title={user.email}>
            {user.email}
          </span>
          <LogoutButton />
        </div>
      </header>
      <div className="shell-body">
        {membership && (
          <nav className="sidenav" aria-label="Workspace">
            <ul>
              {SECTIONS.map((item) => (
                <li key={item.key}>
                  <Link
                    to={`/w/${encodeURIComponent(membership.id)}/${item.key}`}
                    className="sidenav-link"
                    aria-current={item.key === section ? 'page' : undefined}
                  >
                    {item.icon}
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" className={wide ? 'main main-wide' : 'main'} tabIndex={-1}>
          {membership ? (
            <CurrentWorkspaceContext value={{ ...membership, user }}>{children}</CurrentWorkspaceContext>
          ) : (
            <WorkspaceNotFound firstWorkspaceId={workspaces[0]?.id} />
          )}
        </main>
      </div>
    </div>
  );
}

function WorkspaceNotFound({ firstWorkspaceId }: { firstWorkspaceId: string | undefined }) {
  useDocumentTitle('Workspace not found');
  return (
    <EmptyState
      title="Workspace not found"
      action={
        firstWorkspaceId ? (
          <Link className="btn btn-primary" to={`/w/${encodeURIComponent(firstWorkspaceId)}/zaps`}>
            Go to your workspace
          </Link>
        ) : (
          <Link className="btn btn-primary" to="/">
            Create a workspace
          </Link>
        )
      }
    >
      <p>This workspace does not exist, or you are not a member of it. Ask one of its owners or admins to add you.</p>
    </EmptyState>
  );
}
