// "Custom API call": any Daktela endpoint with the connection's token, through the app's client.
import { customApiCall } from '../../../kit/common.ts';
import { daktelaSend } from '../client.ts';

export const customCall = customApiCall('Daktela', daktelaSend);
