// A small JavaScript tokenizer for the code step's editor: enough to colour keywords, strings, numbers and comments.

export type TokenKind = 'keyword' | 'literal' | 'string' | 'number' | 'comment' | 'regex' | 'property' | 'function' | 'punctuation' | 'plain';

export type Token = { kind: TokenKind; text: string };

const KEYWORDS = new Set(
  'async await break case catch class const continue debugger default delete do else export extends finally for from function if import in instanceof let new of return static super switch this throw try typeof var void while with yield'.split(
    ' ',
  ),
);
const LITERALS = new Set(['true', 'false', 'null', 'undefined', 'NaN', 'Infinity']);

/** After these tokens a `/` starts a regular expression rather than a division. */
function regexAllowedAfter(previous: Token | undefined): boolean {
  if (!previous) return true;
  if (previous.kind === 'keyword') return previous.text !== 'this' && previous.text !== 'super';
  if (previous.kind === 'punctuation') return !/[)\]}]$/.test(previous.text);
  return false;
}

/** Splits source into coloured tokens; joining every token's text gives the source back exactly. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let significant: Token | undefined;
  let i = 0;
  const push = (kind: TokenKind, text: string) => {
    const last = tokens.at(-1);
    if (last && last.kind === kind && (kind === 'plain' || kind === 'punctuation')) last.text += text;
    else tokens.push({ kind, text });
    if (kind !== 'comment' && !(kind === 'plain' && text.trim() === '')) significant = tokens.at(-1);
  };
  while (i < source.length) {
    const char = source[i] as string;
    const rest = source.slice(i);
    if (rest.startsWith('//')) {
      const end = source.indexOf('\n', i);
      const text = end === -1 ? rest : source.slice(i, end);
      push('comment', text);
      i += text.length;
      continue;
    }
    if (rest.startsWith('/*')) {
      const end = source.indexOf('*/', i + 2);
      const text = end === -1 ? rest : source.slice(i, end + 2);
      push('comment', text);
      i += text.length;
      continue;
    }
    if (char === '"' || char === "'" || char === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== char) {
        if (source[j] === '\\') j += 1;
        else if (char !== '`' && source[j] === '\n') break;
        j += 1;
      }
      const text = source.slice(i, Math.min(j + 1, source.length));
      push('string', text);
      i += text.length;
      continue;
    }
    if (char === '/' && regexAllowedAfter(significant)) {
      const match = /^\/(?![*/])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+\/[dgimsuvy]*/.exec(rest);
      if (match) {
        push('regex', match[0]);
        i += match[0].length;
        continue;
      }
    }
    const number = /^(?:0[xX][\da-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)n?/.exec(rest);
    if (number && /[\d.]/.test(char) && !(char === '.' && !/\d/.test(source[i + 1] ?? ''))) {
      push('number', number[0]);
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(rest);
    if (word) {
      const text = word[0];
      const before = significant?.text.endsWith('.') && significant.kind === 'punctuation';
      const after = source.slice(i + text.length).trimStart();
      const kind: TokenKind =
        KEYWORDS.has(text) && !before ? 'keyword' : LITERALS.has(text) ? 'literal' : after.startsWith('(') ? 'function' : before ? 'property' : 'plain';
      push(kind, text);
      i += text.length;
      continue;
    }
    if (/\s/.test(char)) {
      const space = /^\s+/.exec(rest)?.[0] ?? char;
      push('plain', space);
      i += space.length;
      continue;
    }
    push('punctuation', char);
    i += 1;
  }
  return tokens;
}
