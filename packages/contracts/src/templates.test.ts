// Tests of the template grammar against the shared case table, which the engine's and the web's tests run too.
import { describe, expect, it } from 'vitest';
import { TEMPLATE_CASES } from './template-cases.ts';
import { formatRefPath, parseTemplateRef, splitTemplateText, type TemplatePart } from './templates.ts';

describe('template grammar', () => {
  it.each(TEMPLATE_CASES)('splits $name', ({ source, parts, malformed }) => {
    const expected: TemplatePart[] = parts.map((part) =>
      typeof part === 'string' ? { kind: 'text', text: part } : { kind: 'ref', ref: { root: part.root, path: part.path, text: part.text }, raw: part.raw },
    );
    expect(splitTemplateText(source)).toEqual({ parts: expected, malformed });
  });

  it.each(TEMPLATE_CASES)('gives the source back when the parts of $name are joined', ({ source }) => {
    expect(
      splitTemplateText(source)
        .parts.map((part) => (part.kind === 'text' ? part.text : part.raw))
        .join(''),
    ).toBe(source);
  });

  it.each(TEMPLATE_CASES)('writes each path of $name so that it reads back the same', ({ parts }) => {
    for (const part of parts) {
      if (typeof part === 'string') continue;
      expect(formatRefPath(part.root, part.path)).toBe(part.text);
      expect(parseTemplateRef(part.text)).toEqual({ root: part.root, path: part.path, text: part.text });
    }
  });

  it('writes dots for plain names, [n] for indexes and quoted keys otherwise', () => {
    expect(formatRefPath('trigger', ['lines', 0, 'unit price', 'a.b', "it's", '$status'])).toBe('trigger.lines[0]["unit price"]["a.b"]["it\'s"].$status');
  });
});
