// Action "Custom API call": any HelpCrunch endpoint with the connection's API key.
import { customApiCall } from '../../../kit/common.ts';
import { helpcrunchSend } from '../client.ts';

/** Paths are relative to /v1/ (e.g. /customers/542335), or start with /v1/. */
export const customCall = customApiCall('HelpCrunch', async (context, request) => {
  const response = await helpcrunchSend(context, {
    method: request.method,
    path: request.path,
    query: request.query,
    body: request.method === 'GET' ? undefined : request.body,
  });
  return { status: response.status, body: response.body };
});
