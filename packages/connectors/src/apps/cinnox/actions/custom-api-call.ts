// Action "Custom API call": any CINNOX endpoint with the connection's App Token.
import { customApiCall } from '../../../kit/common.ts';
import { cinnoxSend } from '../client.ts';

/** Paths starting with /v1/ are taken from the Base URL; others are relative to /v1/api/apps/{appID}/. */
export const customCall = customApiCall('CINNOX', async (context, request) => {
  const response = await cinnoxSend(context, {
    method: request.method,
    path: request.path,
    query: request.query,
    body: request.method === 'GET' ? undefined : request.body,
  });
  return { status: response.status, body: response.body };
});
