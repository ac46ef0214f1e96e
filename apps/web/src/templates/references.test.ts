// Tests of template references: splitting text into text and references, writing paths, renaming a step's key.
import { describe, expect, it } from 'vitest';
import { formatPath, parseReference, referencesIn, renameStepReferences, splitTemplate, templateOf, valueAt } from './references.ts';

describe('references', () => {
  it('splits text into plain text and the references inside it', () => {
    expect(splitTemplate('Hello {{trigger.body.name}}, deal {{ steps.deal.id }}!')).toEqual([
      { kind: 'text', text: 'Hello ' },
      { kind: 'ref', ref: { source: 'trigger', path: ['body', 'name'], text: 'trigger.body.name' }, raw: '{{trigger.body.name}}' },
      { kind: 'text', text: ', deal ' },
      { kind: 'ref', ref: { source: 'deal', path: ['id'], text: 'steps.deal.id' }, raw: '{{ steps.deal.id }}' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('keeps braces that are not references as text', () => {
    expect(splitTemplate('{{ nothing.here }} and {{}}')).toEqual([{ kind: 'text', text: '{{ nothing.here }} and {{}}' }]);
  });

  it('reads indexes and quoted keys, and writes them back the way the engine reads them', () => {
    expect(parseReference('trigger.lines[0]["unit price"]')).toEqual({ source: 'trigger', path: ['lines', 0, 'unit price'], text: 'trigger.lines[0]["unit price"]' });
    expect(formatPath('trigger', ['lines', 0, 'unit price'])).toBe('trigger.lines[0]["unit price"]');
    expect(templateOf('shape', ['title'])).toBe('{{steps.shape.title}}');
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

  it('reads a path out of sample data', () => {
    expect(valueAt({ body: { lines: [{ sku: 'A1' }] } }, ['body', 'lines', 0, 'sku'])).toBe('A1');
    expect(valueAt({ body: null }, ['body', 'x'])).toBeUndefined();
  });
});
