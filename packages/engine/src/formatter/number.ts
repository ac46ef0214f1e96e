// Formatter number operations: format for people, parse what people typed, arithmetic and rounding.
import { z } from 'zod';
import { StepFailure } from '../failure.ts';
import { defineFormatterAction, defineOperation, Numberish, readNumber, readText, type FormatterOperation } from './operation.ts';

/** Hides binary floating-point noise (0.1 + 0.2) without changing any value a person would type. */
function tidy(result: number): number {
  if (!Number.isFinite(result)) throw StepFailure.permanent('The result is not a finite number', 'INVALID_INPUT');
  return Number(result.toPrecision(15));
}

/** Rounds in decimal, so 1.005 to two places gives 1.01 as a person expects, not 1.00. */
function roundTo(value: number, decimals: number, mode: 'round' | 'floor' | 'ceil'): number {
  const fn = mode === 'floor' ? Math.floor : mode === 'ceil' ? Math.ceil : Math.round;
  if (String(value).includes('e')) return fn(value * 10 ** decimals) / 10 ** decimals;
  const shifted = fn(Number(`${value}e${decimals}`));
  return Number(`${shifted}e${-decimals}`);
}

function readValues(values: unknown[]): number[] {
  return values.map((item, index) => readNumber(item, `values[${index}]`));
}

function fold(values: unknown[], step: (a: number, b: number) => number): number {
  const [first, ...rest] = readValues(values);
  if (first === undefined) throw StepFailure.permanent('values must hold at least one number', 'INVALID_INPUT');
  return tidy(rest.reduce(step, first));
}

const values = z.array(Numberish).min(1).max(100);

const operations = [
  defineOperation({
    key: 'format',
    name: 'Format number',
    description: "Formats a number for people with the locale's separators, as a plain number, currency or percent.",
    required: ['value'],
    input: {
      value: Numberish,
      decimals: z.number().int().min(0).max(20).optional(),
      locale: z.string().max(35).optional(),
      style: z.enum(['decimal', 'currency', 'percent']).optional(),
      currency: z.string().length(3).optional(),
      grouping: z.boolean().optional(),
    },
    run: (input) => {
      const number = readNumber(input.value, 'value');
      const style = input.style ?? 'decimal';
      if (style === 'currency' && !input.currency) throw StepFailure.permanent('currency is required for the currency style', 'INVALID_INPUT');
      try {
        return new Intl.NumberFormat(input.locale ?? 'en-US', {
          style,
          ...(style === 'currency' ? { currency: input.currency } : {}),
          ...(input.decimals === undefined ? {} : { minimumFractionDigits: input.decimals, maximumFractionDigits: input.decimals }),
          useGrouping: input.grouping ?? true,
        }).format(number);
      } catch (error) {
        throw StepFailure.permanent(error instanceof Error ? error.message : String(error), 'INVALID_INPUT');
      }
    },
  }),
  defineOperation({
    key: 'parse',
    name: 'Parse number',
    description: 'Reads a number from text such as "$1,234.50" or "1.234,50" (with decimalSeparator ",").',
    required: ['value'],
    input: { value: Numberish, decimalSeparator: z.enum(['.', ',']).optional() },
    run: (input) => {
      if (typeof input.value === 'number') return input.value;
      const decimal = input.decimalSeparator ?? '.';
      const group = decimal === '.' ? ',' : '.';
      const negative = /^\s*\(.*\)\s*$/.test(input.value) || /-/.test(input.value.replace(/\d.*$/, ''));
      const digits = input.value
        .split(group)
        .join('')
        .replace(/[^\d.,]/g, '')
        .replace(decimal, '.');
      if (!/^(\d+\.?\d*|\.\d+)$/.test(digits)) {
        throw StepFailure.permanent(`Could not read a number from ${JSON.stringify(readText(input.value))}`, 'INVALID_INPUT');
      }
      return negative ? -Number(digits) : Number(digits);
    },
  }),
  defineOperation({
    key: 'add',
    name: 'Add',
    description: 'Adds up all the values.',
    required: ['values'],
    input: { values },
    run: (input) => fold(input.values, (a, b) => a + b),
  }),
  defineOperation({
    key: 'subtract',
    name: 'Subtract',
    description: 'Subtracts the second and later values from the first.',
    required: ['values'],
    input: { values },
    run: (input) => fold(input.values, (a, b) => a - b),
  }),
  defineOperation({
    key: 'multiply',
    name: 'Multiply',
    description: 'Multiplies all the values.',
    required: ['values'],
    input: { values },
    run: (input) => fold(input.values, (a, b) => a * b),
  }),
  defineOperation({
    key: 'divide',
    name: 'Divide',
    description: 'Divides the first value by the second and later ones; dividing by zero fails the step.',
    required: ['values'],
    input: { values },
    run: (input) =>
      fold(input.values, (a, b) => {
        if (b === 0) throw StepFailure.permanent('Cannot divide by zero', 'INVALID_INPUT');
        return a / b;
      }),
  }),
  defineOperation({
    key: 'round',
    name: 'Round',
    description: 'Rounds to a number of decimals (default 0), to nearest, down (floor) or up (ceil).',
    required: ['value'],
    input: { value: Numberish, decimals: z.number().int().min(0).max(15).optional(), mode: z.enum(['round', 'floor', 'ceil']).optional() },
    run: (input) => roundTo(readNumber(input.value, 'value'), input.decimals ?? 0, input.mode ?? 'round'),
  }),
] as const satisfies readonly FormatterOperation[];

export const numberAction = defineFormatterAction({
  key: 'number',
  name: 'Numbers',
  description: 'Formats, parses, rounds numbers and does arithmetic.',
  operations,
  sample: { output: '1,234.50' },
  outputFields: [{ key: 'output', label: 'Formatted number', type: 'string' }],
});
