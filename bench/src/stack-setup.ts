// Shared set-up of the end-to-end benchmarks: an account, and a published catch-hook zap with the given steps.
import { StackClient, type Stack } from '@switchyard/testing';

export async function publishHookZap(stack: Stack, steps: unknown[]): Promise<{ client: StackClient; workspaceId: string; zapId: string; hookUrl: string }> {
  const client = new StackClient(stack.url);
  const signup = await client.request('POST', '/api/v1/auth/signup', {
    email: `bench-${Date.now()}@example.com`,
    password: 'bench-password',
    workspaceName: 'Bench',
  });
  if (signup.status !== 201) throw new Error(`signup failed: ${JSON.stringify(signup.body)}`);
  const workspaceId = signup.body.workspace.id as string;
  const zap = await client.request('POST', `/api/v1/workspaces/${workspaceId}/zaps`, {
    name: 'bench',
    trigger: { app: 'webhooks', event: 'catch_hook' },
    steps,
  });
  const published = await client.request('POST', `/api/v1/workspaces/${workspaceId}/zaps/${zap.body.id}/publish`);
  if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  return { client, workspaceId, zapId: zap.body.id, hookUrl: zap.body.hookUrl };
}
