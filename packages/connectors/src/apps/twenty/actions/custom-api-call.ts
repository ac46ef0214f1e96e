// Twenty "Custom API call": any method and path on the instance, with the connection's key.
import { customApiCall as kitCustomApiCall } from '../../../kit/common.ts';
import type { ActionDefinition } from '../../../kit/define.ts';
import { sendToTwenty } from '../client.ts';

export const customApiCall: ActionDefinition = {
  ...kitCustomApiCall('Twenty', async (context, request) => {
    const response = await sendToTwenty(context, { method: request.method, path: `/${request.path.replace(/^\/+/, '')}`, query: request.query, body: request.body });
    return { status: response.status, headers: response.headers, body: response.body };
  }),
  // The kit's call declares none yet; these are the fields of its sample.
  outputFields: [
    { key: 'status', label: 'Status code', type: 'integer' },
    { key: 'body', label: 'Response body', type: 'object' },
  ],
};
