// `{{trigger.x}}` and `{{steps.key.x}}` references: splitting text into text and references, and writing paths back.

export type PathSegment = string | number;

/** A reference as the builder shows it: where it reads from and the path inside that source. */
export type Reference = {
  /** `trigger`, or the key of the step it reads from. */
  source: string;
  path: PathSegment[];
  /** The text between the braces, normalised: `steps.shape.title`. */
  text: string;
};

export type Segment = { kind: 'text'; text: string } | { kind: 'ref'; ref: Reference; raw: string };

const NAME = /^[^.[\]\s"'{}]+$/;

/** Writes a path the way the engine reads it: dots for plain names, `[0]` for indexes, `["a b"]` for other keys. */
export function formatPath(root: string, path: readonly PathSegment[]): string {
  let text = root;
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (NAME.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** `{{trigger.body.name}}` for the trigger source, `{{steps.shape.title}}` for a step. */
export function referenceText(source: string, path: readonly PathSegment[]): string {
  return source === 'trigger' ? formatPath('trigger', path) : formatPath(`steps.${formatPath(source, [])}`, path);
}

export function templateOf(source: string, path: readonly PathSegment[]): string {
  return `{{${referenceText(source, path)}}}`;
}

/** Parses `a.b[0]["c d"]` into segments; null when it does not read as a path. */
export function parsePath(text: string): PathSegment[] | null {
  const segments: PathSegment[] = [];
  let i = 0;
  const source = text.trim();
  while (i < source.length) {
    const char = source[i];
    if (char === '.') {
      if (segments.length === 0) return null;
      i += 1;
      continue;
    }
    if (char === '[') {
      const close = source.indexOf(']', i);
      if (close === -1) return null;
      const inner = source.slice(i + 1, close).trim();
      if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) segments.push(JSON.parse(inner) as string);
      else return null;
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < source.length && source[end] !== '.' && source[end] !== '[') end += 1;
    const name = source.slice(i, end).trim();
    if (name === '' || !NAME.test(name)) return null;
    segments.push(name);
    i = end;
  }
  return segments;
}

/** Reads the inside of `{{ }}` as a reference, or null when it is not one (it then stays plain text). */
export function parseReference(inner: string): Reference | null {
  const path = parsePath(inner);
  if (!path || path.length === 0) return null;
  const [root, ...rest] = path;
  if (root === 'trigger') return { source: 'trigger', path: rest, text: formatPath('trigger', rest) };
  if (root === 'steps' && typeof rest[0] === 'string') {
    const [key, ...inside] = rest as [string, ...PathSegment[]];
    return { source: key, path: inside, text: referenceText(key, inside) };
  }
  return null;
}

const TEMPLATE = /\{\{([^{}]*)\}\}/g;

/** Splits text into plain text and references, in order; adjacent text is merged. */
export function splitTemplate(text: string): Segment[] {
  const segments: Segment[] = [];
  const pushText = (value: string) => {
    if (value === '') return;
    const last = segments.at(-1);
    if (last?.kind === 'text') last.text += value;
    else segments.push({ kind: 'text', text: value });
  };
  let index = 0;
  for (const match of text.matchAll(TEMPLATE)) {
    pushText(text.slice(index, match.index));
    const ref = parseReference(match[1] ?? '');
    if (ref) segments.push({ kind: 'ref', ref, raw: match[0] });
    else pushText(match[0]);
    index = match.index + match[0].length;
  }
  pushText(text.slice(index));
  return segments;
}

export function hasReference(text: string): boolean {
  return splitTemplate(text).some((segment) => segment.kind === 'ref');
}

/** Every reference in a value (strings anywhere inside objects and arrays). */
export function referencesIn(value: unknown): Reference[] {
  if (typeof value === 'string') return splitTemplate(value).flatMap((segment) => (segment.kind === 'ref' ? [segment.ref] : []));
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(referencesIn);
  return [];
}

/** Rewrites references to a renamed step key everywhere in a value. */
export function renameStepReferences<T>(value: T, from: string, to: string): T {
  const rewrite = (text: string) =>
    text.replace(TEMPLATE, (whole, inner: string) => {
      const ref = parseReference(inner);
      return ref && ref.source === from && inner.trim().startsWith('steps') ? `{{${referenceText(to, ref.path)}}}` : whole;
    });
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return rewrite(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    return node;
  };
  return walk(value) as T;
}

/** Reads a path out of sample data; undefined when it is not there. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
