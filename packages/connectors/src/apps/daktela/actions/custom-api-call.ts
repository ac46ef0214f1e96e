// "Custom API call": any Daktela endpoint with the connection's token, through the app's client.
import { customApiCall } from '../../../kit/common.ts';
import type { ActionDefinition } from '../../../kit/define.ts';
import { daktelaSend } from '../client.ts';

// The kit's custom call declares no output fields, so they are stated here: what it returns is {status, body}.
export const customCall: ActionDefinition = {
  ...customApiCall('Daktela', daktelaSend),
  outputFields: [
    { key: 'status', label: 'HTTP status', type: 'integer' },
    { key: 'body', label: 'Response body (Daktela’s {error, result} envelope)', type: 'object' },
  ],
};
