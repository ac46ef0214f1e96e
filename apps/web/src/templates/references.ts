// `{{trigger.x}}` and `{{steps.key.x}}` references as the builder shows them, read and written with the shared template grammar.
import { formatRefPath, parseTemplateRef, splitTemplateText, type PathSegment, type TemplateRef } from '@switchyard/contracts';

/** A reference as the builder shows it: where it reads from and the path inside that source. */
export type Reference = {
  /** `trigger`, or the key of the step it reads from. */
  source: string;
  path: PathSegment[];
  /** The text between the braces, normalised: `steps.shape.title`. */
  text: string;
};

export type Segment = { kind: 'text'; text: string } | { kind: 'ref'; ref: Reference; raw: string };

function toReference(ref: TemplateRef): Reference {
  if (ref.root === 'trigger') return { source: 'trigger', path: ref.path, text: ref.text };
  const [key, ...path] = ref.path as [string, ...PathSegment[]];
  return { source: key, path, text: ref.text };
}

/** `trigger.body.name` for the trigger source, `steps.shape.title` for a step. */
export function referenceText(source: string, path: readonly PathSegment[]): string {
  return source === 'trigger' ? formatRefPath('trigger', path) : formatRefPath('steps', [source, ...path]);
}

export function templateOf(source: string, path: readonly PathSegment[]): string {
  return `{{${referenceText(source, path)}}}`;
}

/** Reads the inside of `{{ }}` as a reference, or null when it is not one (it then stays plain text). */
export function parseReference(inner: string): Reference | null {
  const ref = parseTemplateRef(inner);
  return ref && toReference(ref);
}

/** Splits text into plain text and references, in order; adjacent text is merged. */
export function splitTemplate(text: string): Segment[] {
  return splitTemplateText(text).parts.map((part): Segment => (part.kind === 'text' ? part : { kind: 'ref', ref: toReference(part.ref), raw: part.raw }));
}

export function hasReference(text: string): boolean {
  return splitTemplateText(text).parts.some((part) => part.kind === 'ref');
}

/** Every reference in a value (strings anywhere inside objects and arrays). */
export function referencesIn(value: unknown): Reference[] {
  if (typeof value === 'string') return splitTemplate(value).flatMap((segment) => (segment.kind === 'ref' ? [segment.ref] : []));
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(referencesIn);
  return [];
}

/** Rewrites references to a renamed step key everywhere in a value; everything else keeps its exact text. */
export function renameStepReferences<T>(value: T, from: string, to: string): T {
  const rewrite = (text: string) =>
    splitTemplateText(text)
      .parts.map((part) => {
        if (part.kind === 'text') return part.text;
        const [key, ...path] = part.ref.path;
        return part.ref.root === 'steps' && key === from ? templateOf(to, path) : part.raw;
      })
      .join('');
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return rewrite(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    return node;
  };
  return walk(value) as T;
}
