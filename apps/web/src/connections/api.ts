// Connected accounts over the API: list, connect (tested live by the API), rename, new credentials, re-test, delete.
import { useQuery } from '@tanstack/react-query';
import { api, wsPath, type Page } from '../api.ts';
import { workspaceKey } from '../workspaces/current.tsx';

export type Connection = {
  id: string;
  app: string;
  name: string;
  status: 'ok' | 'error';
  statusMessage?: string | null;
  lastTestedAt?: string | null;
  createdAt: string;
  /** How many zaps use it; deleting it breaks them. */
  usedBy?: number;
};

export type Credentials = Record<string, string | number | boolean>;

export const connectionsKey = (workspaceId: string) => workspaceKey(workspaceId, 'connections');

/** Every connection of the workspace (a workspace has a handful; 200 is the API's page maximum). */
export function useConnections(workspaceId: string) {
  return useQuery({
    queryKey: connectionsKey(workspaceId),
    queryFn: ({ signal }) => api<Page<Connection>>(wsPath(workspaceId, 'connections'), { query: { limit: 200 }, signal }),
    select: (page) => page.data,
  });
}

export function createConnection(workspaceId: string, input: { app: string; name: string; credentials: Credentials }): Promise<Connection> {
  return api<Connection>(wsPath(workspaceId, 'connections'), { method: 'POST', body: input });
}

export function updateConnection(workspaceId: string, id: string, input: { name?: string; credentials?: Credentials }): Promise<Connection> {
  return api<Connection>(wsPath(workspaceId, 'connections', id), { method: 'PATCH', body: input });
}

export function testConnection(workspaceId: string, id: string): Promise<{ ok: boolean; message: string }> {
  return api<{ ok: boolean; message: string }>(wsPath(workspaceId, 'connections', id, 'test'), { method: 'POST' });
}

export function deleteConnection(workspaceId: string, id: string): Promise<void> {
  return api<void>(wsPath(workspaceId, 'connections', id), { method: 'DELETE' });
}

export type OptionsRequest = {
  app: string;
  connectionId?: string | undefined;
  operation: { type: 'action' | 'trigger'; key: string };
  field: string;
  input: Record<string, unknown>;
};

/** Choices for a field whose options come from the service (pipelines, stages, queues). */
export function loadOptions(
  workspaceId: string,
  request: OptionsRequest,
  signal?: AbortSignal,
): Promise<{ options: Array<{ value: string | number; label: string }> }> {
  const { app, ...body } = request;
  return api(wsPath(workspaceId, 'apps', app, 'options'), { method: 'POST', body, ...(signal ? { signal } : {}) });
}
