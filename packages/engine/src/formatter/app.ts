// The built-in formatter app: its catalog description and its in-engine execution.
import type { JsonValue } from '@switchyard/contracts';
import { StepFailure } from '../failure.ts';
import { dateAction } from './date.ts';
import { numberAction } from './number.ts';
import type { FormatterAction, FormatterOperation } from './operation.ts';
import { textAction } from './text.ts';

export const formatterApp = {
  key: 'formatter',
  name: 'Formatter',
  description: 'Reshapes text, numbers and dates between steps. Runs inside the engine: no connection, no network.',
  actions: [textAction, numberAction, dateAction] as readonly FormatterAction[],
  perform: runFormatter,
};

export function findFormatterAction(action: string): FormatterAction | undefined {
  return formatterApp.actions.find((candidate) => candidate.key === action);
}

export function findFormatterOperation(action: string, operation: unknown): FormatterOperation | undefined {
  return findFormatterAction(action)?.operations.find((candidate) => candidate.key === operation);
}

/**
 * Runs a formatter action on an already-rendered input. The output is always `{output}` so
 * later steps read `{{steps.<key>.output}}` whatever the operation. Bad input fails permanently.
 */
export function runFormatter(action: string, input: Record<string, unknown>): { output: JsonValue } {
  const definition = findFormatterAction(action);
  if (!definition) throw StepFailure.permanent(`Formatter has no action ${JSON.stringify(action)}`, 'UNKNOWN_ACTION');
  const operation = definition.operations.find((candidate) => candidate.key === input.operation);
  if (!operation) {
    const known = definition.operations.map((candidate) => candidate.key).join(', ');
    throw StepFailure.permanent(`Formatter ${action} has no operation ${JSON.stringify(input.operation ?? null)} (known: ${known})`, 'INVALID_INPUT');
  }
  const { operation: _operation, ...rest } = input;
  return { output: operation.execute(rest) };
}
