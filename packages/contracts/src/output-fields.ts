// Declared output fields (Zapier's `outputFields`): what a trigger or action returns, labelled for the data picker, and the check that keeps them true to the sample.
import { parseFieldPath, valueAt } from './templates.ts';

/** The types a declared output field can have; `datetime` is text holding a date and time. */
export type OutputFieldType = 'string' | 'number' | 'integer' | 'boolean' | 'datetime' | 'object' | 'array';

/**
 * One field of what an operation returns, as the builder's data picker labels it. `key` is a path into the output in
 * the template grammar: `name.firstName`, `emails[0]`. Every top-level key of the sample is declared; nested ones
 * where a label helps.
 */
export type OutputField = {
  key: string;
  label: string;
  type: OutputFieldType;
};

const isType: Record<OutputFieldType, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number',
  integer: (value) => Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  datetime: (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)),
  object: (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
  array: (value) => Array.isArray(value),
};

/**
 * What is wrong with the declared fields for this sample, one sentence each (none when they agree): every field's
 * path must exist in the sample with the declared type (null stands for "may be empty"), keys and labels must be
 * unique and non-empty, and every top-level key of an object sample must be declared.
 */
export function outputFieldProblems(sample: unknown, fields: readonly OutputField[]): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const field of fields) {
    if (keys.has(field.key)) problems.push(`"${field.key}" is declared twice`);
    keys.add(field.key);
    if (!field.label.trim()) problems.push(`"${field.key}" has no label`);
    const path = parseFieldPath(field.key);
    if (!path) {
      problems.push(`"${field.key}" is not a path (use dots and [0], e.g. name.firstName or items[0].id)`);
      continue;
    }
    const value = valueAt(sample, path);
    if (value === undefined) problems.push(`the sample has no "${field.key}"`);
    else if (value !== null && !isType[field.type](value))
      problems.push(`"${field.key}" is declared ${field.type} but the sample has ${JSON.stringify(value)}`);
  }
  if (sample !== null && typeof sample === 'object' && !Array.isArray(sample)) {
    for (const key of Object.keys(sample)) {
      if (!fields.some((field) => parseFieldPath(field.key)?.[0] === key)) problems.push(`the sample's "${key}" is not declared`);
    }
  }
  return problems;
}
