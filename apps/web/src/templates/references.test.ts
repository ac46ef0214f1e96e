// Tests of template references: splitting text into text and references, writing paths, renaming a step's key.
import { describe, expect, it } from 'vitest';
import { TEMPLATE_CASES } from '@switchyard/contracts/template-cases';
import { valueAt } from '@switchyard/contracts';
import { parseReference, referencesIn, renameStepReferences, splitTemplate, templateOf, type Segment } from './references.ts';

describe('references', () => {
  it.each(TEMPLATE_CASES)('shows as chips exactly the references the engine reads in $name', ({ source, parts }) => {
    const expected: Segment[] = parts.map((part) => {
      if (typeof part === 'string') return { kind: 'text', text: part };
      const [key, ...path] = part.path;
      const ref = part.root === 'trigger' ? { source: 'trigger', path: part.path, text: part.text } : { source: String(key), path, text: part.text };
      return { kind: 'ref', ref, raw: part.raw };
    });
    expect(splitTemplate(source)).toEqual(expected);
  });

  it('reads the inside of the braces as a reference, and writes one back the way the engine reads it', () => {
    expect(parseReference('trigger.lines[0]["unit price"]')).toEqual({
      source: 'trigger',
      path: ['lines', 0, 'unit price'],
      text: 'trigger.lines[0]["unit price"]',
    });
    expect(parseReference('steps.shape.title')).toEqual({ source: 'shape', path: ['title'], text: 'steps.shape.title' });
    expect(parseReference('nothing.here')).toBeNull();
    expect(templateOf('shape', ['title', 0, 'a b'])).toBe('{{steps.shape.title[0]["a b"]}}');
    expect(templateOf('trigger', [])).toBe('{{trigger}}');
  });

  it('finds every reference inside nested input and rewrites those of a renamed step', () => {
    const input = { title: '{{steps.old.title}} for {{trigger.name}}', nested: [{ v: '{{steps.old.items[1]}}' }], other: '{{steps.older.x}}' };
    expect(referencesIn(input).map((ref) => ref.text)).toEqual(['steps.old.title', 'trigger.name', 'steps.old.items[1]', 'steps.older.x']);
    expect(renameStepReferences(input, 'old', 'fresh')).toEqual({
      title: '{{steps.fresh.title}} for {{trigger.name}}',
      nested: [{ v: '{{steps.fresh.items[1]}}' }],
      other: '{{steps.older.x}}',
    });
  });

  it('renames only references, keeping other text and other references exactly as written', () => {
    const text = '{{ steps.old.first name }} {{{steps.old.a}}} {{steps.}} {{ trigger.old }} {{ steps.other.x }}';
    expect(renameStepReferences(text, 'old', 'fresh')).toBe(
      '{{steps.fresh["first name"]}} {{{steps.fresh.a}}} {{steps.}} {{ trigger.old }} {{ steps.other.x }}',
    );
  });

  it('reads a path out of sample data', () => {
    expect(valueAt({ body: { lines: [{ sku: 'A1' }] } }, ['body', 'lines', 0, 'sku'])).toBe('A1');
    expect(valueAt({ body: null }, ['body', 'x'])).toBeUndefined();
  });
});
