// Reasons an outbound request fails, and the StepFailure it fails with (defined once, in contracts).

import { StepFailure } from '@switchyard/contracts';

export { StepFailure, type RecordedRequest, type StepFailureOptions } from '@switchyard/contracts';

export type StepFailureCode =
  | 'OUTBOUND_REFUSED'
  | 'INVALID_REQUEST'
  | 'INVALID_INPUT'
  | 'INVALID_RESPONSE'
  | 'RESPONSE_TOO_LARGE'
  | 'TOO_MANY_REDIRECTS'
  | 'DNS'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'HTTP_ERROR'
  | 'CONNECTOR_ERROR';

export function isStepFailure(value: unknown): value is StepFailure {
  return value instanceof StepFailure;
}
