// Tests of the JavaScript tokenizer behind the code step's editor.
import { describe, expect, it } from 'vitest';
import { tokenize } from './highlight.ts';

const kinds = (source: string) =>
  tokenize(source)
    .filter((token) => token.text.trim() !== '')
    .map((token) => [token.kind, token.text.trim()]);

describe('tokenize', () => {
  it('gives the source back exactly', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the tokenizer's input is JavaScript source with a template literal in it.
    const source = "// hi\nconst a = `x ${1}` + 'y'; /* c */ return a.b(/re[/]x/g, 0x1F, 1.5e3);\n";
    expect(
      tokenize(source)
        .map((token) => token.text)
        .join(''),
    ).toBe(source);
  });

  it('tells keywords, strings, numbers, comments, properties, calls and regular expressions apart', () => {
    expect(kinds("return { greeting: 'Hi ' + input.name.toUpperCase(), n: 42 } // done")).toEqual([
      ['keyword', 'return'],
      ['punctuation', '{'],
      ['plain', 'greeting'],
      ['punctuation', ':'],
      ['string', "'Hi '"],
      ['punctuation', '+'],
      ['plain', 'input'],
      ['punctuation', '.'],
      ['property', 'name'],
      ['punctuation', '.'],
      ['function', 'toUpperCase'],
      ['punctuation', '(),'],
      ['plain', 'n'],
      ['punctuation', ':'],
      ['number', '42'],
      ['punctuation', '}'],
      ['comment', '// done'],
    ]);
    expect(kinds('const r = /a\\/b/gi; x = a / b / c;').filter(([kind]) => kind === 'regex')).toEqual([['regex', '/a\\/b/gi']]);
  });

  it('survives unfinished strings and comments while typing', () => {
    expect(tokenize("const s = 'abc").at(-1)).toEqual({ kind: 'string', text: "'abc" });
    expect(tokenize('/* open').at(-1)).toEqual({ kind: 'comment', text: '/* open' });
  });
});
