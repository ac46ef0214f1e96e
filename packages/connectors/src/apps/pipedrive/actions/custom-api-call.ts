// Pipedrive "Custom API call": any /api/v2/... or /v1/... request with the connection's token, answered as {status, body}.
import { customApiCall } from '../../../kit/common.ts';
import type { ActionDefinition } from '../../../kit/define.ts';
import { sendToPipedrive } from '../client.ts';

export const customCall: ActionDefinition = {
  ...customApiCall('Pipedrive', async (context, request) => {
    const response = await sendToPipedrive(context, { method: request.method, path: request.path, query: request.query, body: request.body });
    return { status: response.status, body: response.body };
  }),
  // The kit's custom call declares no output; this one answers Pipedrive's status and whole envelope.
  outputFields: [
    { key: 'status', label: 'HTTP status', type: 'integer' },
    { key: 'body', label: 'Response body (Pipedrive’s envelope)', type: 'object' },
  ],
};
