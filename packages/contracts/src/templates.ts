// The template reference grammar: how `{{trigger.x}}` and `{{steps.key.x}}` are read out of text and written back.

export type PathSegment = string | number;

export type TemplateRoot = 'trigger' | 'steps';

/** A parsed reference. For `steps`, `path[0]` is the step key. `text` is the normalised form, as in `missing` lists. */
export type TemplateRef = {
  root: TemplateRoot;
  path: PathSegment[];
  text: string;
};

/** A piece of template text: literal text, or a reference with `raw`, its source text including the braces. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'ref'; ref: TemplateRef; raw: string };

export type TemplateSplit = {
  /** In order; adjacent text is merged, and the parts joined back (text and `raw`) give the source again. */
  parts: TemplatePart[];
  /** `{{...}}` texts that start like a reference (`trigger`, `steps`) but do not parse; they stay literal text. */
  malformed: string[];
};

const NAME_PATTERN = /^[^.[\]\s"'{}]+$/;

/** Writes a path the way it is read: dots for plain names, `[0]` for indexes, `["a b"]` for other keys. */
export function formatRefPath(root: string, path: readonly PathSegment[]): string {
  let text = root;
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (NAME_PATTERN.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/** Parses the inside of `{{ }}`; returns null when it is not a reference. */
export function parseTemplateRef(source: string): TemplateRef | null {
  let i = 0;
  const n = source.length;
  const skipSpace = () => {
    while (i < n && isSpace(source[i])) i += 1;
  };
  // Names may hold inner spaces (`trigger.first name`); spaces around them are layout.
  const readName = (): string | null => {
    const start = i;
    while (i < n) {
      const char = source[i];
      if (char === '.' || char === '[' || char === ']') break;
      i += 1;
    }
    const name = source.slice(start, i).trim();
    return name === '' ? null : name;
  };

  skipSpace();
  const root = readName();
  if (root !== 'trigger' && root !== 'steps') return null;
  const path: PathSegment[] = [];
  for (;;) {
    skipSpace();
    if (i >= n) break;
    const char = source[i];
    if (char === '.') {
      i += 1;
      skipSpace();
      const name = readName();
      if (name === null) return null;
      path.push(/^(0|[1-9]\d*)$/.test(name) ? Number(name) : name);
    } else if (char === '[') {
      i += 1;
      skipSpace();
      const quote = source[i];
      if (quote === '"' || quote === "'") {
        i += 1;
        let key = '';
        let closed = false;
        while (i < n) {
          const c = source[i] as string;
          if (c === '\\' && i + 1 < n) {
            key += source[i + 1];
            i += 2;
            continue;
          }
          if (c === quote) {
            closed = true;
            i += 1;
            break;
          }
          key += c;
          i += 1;
        }
        if (!closed) return null;
        path.push(key);
      } else {
        const match = /^-?\d+/.exec(source.slice(i, i + 20));
        if (!match) return null;
        path.push(Number(match[0]));
        i += match[0].length;
      }
      skipSpace();
      if (source[i] !== ']') return null;
      i += 1;
    } else {
      return null;
    }
  }
  if (root === 'steps' && typeof path[0] !== 'string') return null;
  return { root, path, text: formatRefPath(root, path) };
}

function looksLikeRef(source: string): boolean {
  return /^\s*(trigger|steps)\s*([.[]|$)/.test(source);
}

const MAX_REF_LENGTH = 1_000;

/** Splits text into literal text and references, and lists the malformed references in it. */
export function splitTemplateText(source: string): TemplateSplit {
  const parts: TemplatePart[] = [];
  const malformed: string[] = [];
  let text = '';
  let cursor = 0;
  // Reused while it still lies ahead, so a run of `{{{{...` costs linear time, not quadratic.
  let close = -1;
  for (;;) {
    const open = source.indexOf('{{', cursor);
    if (open === -1) break;
    if (close < open + 2) close = source.indexOf('}}', open + 2);
    if (close === -1) break;
    const length = close - open - 2;
    const inner = length <= MAX_REF_LENGTH ? source.slice(open + 2, close) : null;
    // A brace inside means the real opening is further right, as in `{{{trigger.a}}}`.
    const ref = inner === null || inner.includes('{') ? null : parseTemplateRef(inner);
    if (!ref) {
      if (inner !== null && !inner.includes('{') && looksLikeRef(inner)) malformed.push(`{{${inner}}}`);
      text += source.slice(cursor, open + 1);
      cursor = open + 1;
      continue;
    }
    text += source.slice(cursor, open);
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push({ kind: 'ref', ref, raw: source.slice(open, close + 2) });
    cursor = close + 2;
  }
  text += source.slice(cursor);
  if (text) parts.push({ kind: 'text', text });
  return { parts, malformed };
}

/** Reads a path out of sample data the way the builder previews it; undefined when it is not there. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * A field path on its own (`name.firstName`, `emails[0]`, `["odd key"]`), as output fields declare them: read with
 * the reference grammar; null when it does not parse or is empty.
 */
export function parseFieldPath(key: string): PathSegment[] | null {
  const ref = parseTemplateRef(key.startsWith('[') ? `trigger${key}` : `trigger.${key}`);
  return ref && ref.path.length > 0 ? ref.path : null;
}
