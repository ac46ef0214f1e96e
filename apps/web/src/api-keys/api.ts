// Workspace API keys over the API: list, create (the token comes back once), revoke.
import type { ApiKey, CreatedApiKey } from '@switchyard/contracts';
import { api, wsPath } from '../api.ts';
import { usePagedList } from '../paged-list.ts';
import { workspaceKey } from '../workspaces/current.tsx';

/** `CreatedApiKey` is the create reply: the only time the full token is ever sent. */
export type { ApiKey, CreatedApiKey };

export const apiKeysKey = (workspaceId: string) => workspaceKey(workspaceId, 'api-keys');

export function useApiKeys(workspaceId: string, { enabled }: { enabled: boolean }) {
  return usePagedList<ApiKey>(apiKeysKey(workspaceId), wsPath(workspaceId, 'api-keys'), { enabled });
}

export function createApiKey(workspaceId: string, input: { name: string; role?: ApiKey['role'] }): Promise<CreatedApiKey> {
  return api<CreatedApiKey>(wsPath(workspaceId, 'api-keys'), { method: 'POST', body: input });
}

export function revokeApiKey(workspaceId: string, keyId: string): Promise<void> {
  return api<void>(wsPath(workspaceId, 'api-keys', keyId), { method: 'DELETE' });
}
