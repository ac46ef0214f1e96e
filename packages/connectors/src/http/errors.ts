// The StepFailure outbound requests fail with, and its codes (both defined once, in contracts).

import { StepFailure } from '@switchyard/contracts';

export { StepFailure, type RecordedRequest, type StepFailureCode, type StepFailureOptions } from '@switchyard/contracts';

export function isStepFailure(value: unknown): value is StepFailure {
  return value instanceof StepFailure;
}
