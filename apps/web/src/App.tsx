// The route table: which screen each URL shows.
import type { ReactNode } from 'react';
import { ApiKeysPage } from './api-keys/ApiKeysPage.tsx';
import { AuditPage } from './audit/AuditPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { SignupPage } from './auth/SignupPage.tsx';
import { BuilderPage } from './builder/BuilderPage.tsx';
import { ConnectionsPage } from './connections/ConnectionsPage.tsx';
import { MembersPage } from './members/MembersPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Redirect, route, useRoutes } from './router.tsx';
import { RunDetailPage } from './runs/RunDetailPage.tsx';
import { RunsPage } from './runs/RunsPage.tsx';
import { AppShell, type Section } from './workspaces/AppShell.tsx';
import { HomePage } from './workspaces/HomePage.tsx';
import { NewZapPage } from './zaps/NewZapPage.tsx';
import { ZapsPage } from './zaps/ZapsPage.tsx';

// Pages are keyed by workspace so switching workspaces never carries one workspace's local state (a new token) into another.
const inShell = (ws: string, section: Section, page: ReactNode, wide = false) => (
  <AppShell workspaceId={ws} section={section} wide={wide}>
    {page}
  </AppShell>
);

const routes = [
  route('/', () => <HomePage />),
  route('/login', () => <LoginPage />),
  route('/signup', () => <SignupPage />),
  route('/w/:ws', ({ ws }) => <Redirect to={`/w/${encodeURIComponent(ws)}/zaps`} />),
  route('/w/:ws/zaps', ({ ws }) => inShell(ws, 'zaps', <ZapsPage key={ws} />)),
  route('/w/:ws/zaps/new', ({ ws }) => inShell(ws, 'zaps', <NewZapPage key={ws} />)),
  route('/w/:ws/zaps/:zapId', ({ ws, zapId }) => inShell(ws, 'zaps', <BuilderPage key={`${ws}/${zapId}`} zapId={zapId} />, true)),
  route('/w/:ws/runs', ({ ws }) => inShell(ws, 'runs', <RunsPage key={ws} />)),
  route('/w/:ws/runs/:runId', ({ ws, runId }) => inShell(ws, 'runs', <RunDetailPage key={`${ws}/${runId}`} runId={runId} />)),
  route('/w/:ws/connections', ({ ws }) => inShell(ws, 'connections', <ConnectionsPage key={ws} />)),
  route('/w/:ws/members', ({ ws }) => inShell(ws, 'members', <MembersPage key={ws} />)),
  route('/w/:ws/api-keys', ({ ws }) => inShell(ws, 'api-keys', <ApiKeysPage key={ws} />)),
  route('/w/:ws/audit', ({ ws }) => inShell(ws, 'audit', <AuditPage key={ws} />)),
];

export function App() {
  return useRoutes(routes) ?? <NotFoundPage />;
}
