// Pipedrive "Custom API call": any /api/v2/... or v1 request with the connection's token (v1 placed on the connection's host), answered as {status, body}.
import { customApiCall } from '../../../kit/common.ts';
import { sendToPipedrive } from '../client.ts';

export const customCall = customApiCall('Pipedrive', async (context, request) => {
  const response = await sendToPipedrive(context, { method: request.method, path: request.path, query: request.query, body: request.body });
  return { status: response.status, body: response.body };
});
