import { describe, expect, it } from 'vitest';
import { StepFailure } from './failure.ts';

describe('StepFailure', () => {
  it('takes its code from the one vocabulary of step failure codes; any other code does not compile', () => {
    expect(StepFailure.permanent('The title is required', 'INVALID_INPUT')).toMatchObject({ transient: false, code: 'INVALID_INPUT' });
    // @ts-expect-error step failure codes are upper case: a lower-case one is a typo the type check catches
    expect(new StepFailure('The title is required', { transient: false, code: 'invalid_input' }).code).toBe('invalid_input');
  });
});
