// The data a step can map from: the trigger's and earlier steps' sample or test data, as a tree, and chip labels for references.
import { formatRefPath, parseFieldPath, type OutputField, type PathSegment } from '@switchyard/contracts';
import type { Reference } from './references.ts';

/** Where a source's data comes from, shown next to it so nobody mistakes a sample for real data. */
export type DataOrigin = 'test' | 'request' | 'sample' | 'none';

export type DataSource = {
  /** `trigger`, or a step key. */
  id: string;
  /** 1 for the trigger, then the steps in order. */
  number: number;
  /** The step's name, e.g. "Create person in Pipedrive". */
  title: string;
  data: unknown;
  origin: DataOrigin;
  /** The fields its app trigger or action declares (none for code, filters and the like, or from older servers): they name the matching paths. */
  fields?: readonly OutputField[];
};

export type DataNode = {
  key: string;
  path: PathSegment[];
  value: unknown;
  /** null for a leaf (a value that is not an object or an array). */
  children: DataNode[] | null;
};

const MAX_ITEMS = 25;

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return value !== null && typeof value === 'object';
}

/** The children of a value as tree nodes; arrays show their first items with `[n]` paths. */
export function dataTree(value: unknown, path: PathSegment[] = []): DataNode[] {
  if (!isContainer(value)) return [];
  const entries: Array<[PathSegment, unknown]> = Array.isArray(value) ? value.slice(0, MAX_ITEMS).map((item, index) => [index, item]) : Object.entries(value);
  return entries.map(([segment, child]) => {
    const childPath = [...path, segment];
    return {
      key: typeof segment === 'number' ? `[${segment}]` : segment,
      path: childPath,
      value: child,
      children: isContainer(child) ? dataTree(child, childPath) : null,
    };
  });
}

/** Every node of a tree, depth first: what a search goes through. */
export function flattenTree(nodes: DataNode[]): DataNode[] {
  return nodes.flatMap((node) => [node, ...(node.children ? flattenTree(node.children) : [])]);
}

/** A short, one-line rendering of a value for the picker and the tooltips of chips. */
export function preview(value: unknown, max = 60): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') {
    const size = Object.keys(value).length;
    return `${size} field${size === 1 ? '' : 's'}`;
  }
  const text = String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `body.name`, `lines[0].sku`: how a field is named in the picker's buttons and chip titles. */
export function fieldName(path: readonly PathSegment[]): string {
  return formatRefPath('', path).replace(/^\./, '');
}

/** A path as people read it: `body › name`, `lines › [0] › sku`. */
export function readablePath(path: readonly PathSegment[]): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : segment)).join(' › ');
}

// The catalog's field lists keep their identity across renders, while sources are rebuilt on each: remember each list's lookup.
const labelsByFields = new WeakMap<readonly OutputField[], Map<string, string>>();

/** The label a source's operation declares for the field at exactly `path`; undefined when it declares none there. */
export function fieldLabel(source: DataSource, path: readonly PathSegment[]): string | undefined {
  const fields = source.fields;
  if (!fields || path.length === 0) return undefined;
  let labels = labelsByFields.get(fields);
  if (!labels) {
    // Declared keys are written in the template path grammar: parsed and written back, they compare with the tree's paths.
    labels = new Map(
      fields.flatMap((field): Array<[string, string]> => {
        const declared = parseFieldPath(field.key);
        return declared ? [[fieldName(declared), field.label]] : [];
      }),
    );
    labelsByFields.set(fields, labels);
  }
  return labels.get(fieldName(path));
}

export type ChipLabel = {
  /** The step number shown in the chip's badge, or `?` when the source is unknown. */
  badge: string;
  text: string;
  /** The full description: for the tooltip and screen readers. */
  title: string;
  known: boolean;
};

/**
 * How a reference reads as a chip: "1 · body › name" for `{{trigger.body.name}}` when the trigger is step 1,
 * or the field's declared label ("1 · First name") when its operation declares one for that path.
 */
export function chipLabel(ref: Reference, sources: readonly DataSource[]): ChipLabel {
  const source = sources.find((candidate) => candidate.id === ref.source);
  const text = ref.path.length > 0 ? readablePath(ref.path) : source ? 'all data' : ref.source;
  if (!source) {
    return { badge: '?', text: ref.path.length > 0 ? `${ref.source} › ${text}` : text, title: `Unknown step: {{${ref.text}}}`, known: false };
  }
  const path = fieldName(ref.path) || 'all data';
  const label = fieldLabel(source, ref.path);
  if (label !== undefined) return { badge: String(source.number), text: label, title: `${source.number}. ${source.title}: ${label} (${path})`, known: true };
  return { badge: String(source.number), text, title: `${source.number}. ${source.title}: ${path}`, known: true };
}
