// Twenty "Custom API call": any method and path on the instance, with the connection's key.
import { customApiCall } from '../../../kit/common.ts';
import { sendToTwenty } from '../client.ts';

export const customCall = customApiCall('Twenty', async (context, request) => {
  const response = await sendToTwenty(context, {
    method: request.method,
    path: `/${request.path.replace(/^\/+/, '')}`,
    query: request.query,
    body: request.body,
  });
  return { status: response.status, headers: response.headers, body: response.body };
});
