import { describe, expect, it } from 'vitest';
import { outputFieldProblems } from '@switchyard/contracts';
import { z } from 'zod';
import { findFormatterOperation, formatterApp } from './app.ts';

describe('formatterApp catalog entry', () => {
  it('describes text, number and date actions, each with operations, a sample and a schema that renders as JSON Schema', () => {
    expect(formatterApp.key).toBe('formatter');
    expect(formatterApp.actions.map((action) => action.key)).toEqual(['text', 'number', 'date']);
    for (const action of formatterApp.actions) {
      expect(action.sample).toHaveProperty('output');
      expect(outputFieldProblems(action.sample, action.outputFields), action.key).toEqual([]);
      expect(action.operations.length).toBeGreaterThan(3);
      const schema = z.toJSONSchema(action.inputSchema, { io: 'input' });
      expect(JSON.stringify(schema)).toContain('"operation"');
    }
  });

  it('validates an action input against the operation it names', () => {
    const text = formatterApp.actions[0];
    expect(text?.inputSchema.safeParse({ operation: 'truncate', value: 'x', maxLength: 3 }).success).toBe(true);
    expect(text?.inputSchema.safeParse({ operation: 'truncate', value: 'x' }).success).toBe(false);
    expect(text?.inputSchema.safeParse({ operation: 'nope' }).success).toBe(false);
  });

  it('lists the fields each operation needs before publishing', () => {
    expect(findFormatterOperation('text', 'replace')?.required).toEqual(['value', 'find']);
    expect(findFormatterOperation('date', 'add')?.required).toEqual(['value', 'amount', 'unit']);
    expect(findFormatterOperation('number', 'nope')).toBeUndefined();
  });
});
