// The zap draft being edited: a tree of steps addressed by their unique keys, and the edits the builder makes to it.
import type { PathsStep, Step, Trigger } from '@switchyard/contracts';
import { renameStepReferences } from '../templates/references.ts';

export type { Step, Trigger };

/** What the builder edits and autosaves: the body of `PUT .../zaps/:id`. */
export type ZapDraft = { name: string; trigger: Trigger; steps: Step[] };

/** A list of steps: the zap's own (`parent: null`), a loop's, or one branch of a paths step. */
export type ListAddress = { parent: null } | { parent: string; branch?: number };

export type Located = { step: Step; list: Step[]; index: number; address: ListAddress; ancestors: Step[] };

export const ROOT: ListAddress = { parent: null };

/** The steps directly inside a container step, one list per branch (a loop has one). */
export function childLists(step: Step): Array<{ address: ListAddress; steps: Step[] }> {
  if (step.type === 'paths') return step.branches.map((branch, index) => ({ address: { parent: step.key, branch: index }, steps: branch.steps }));
  if (step.type === 'loop') return [{ address: { parent: step.key }, steps: step.steps }];
  return [];
}

/** Every step, depth first, in the order they are numbered and run. */
export function flattenSteps(steps: readonly Step[]): Step[] {
  return steps.flatMap((step) => [step, ...childLists(step).flatMap((child) => flattenSteps(child.steps))]);
}

export function findStep(steps: Step[], key: string, address: ListAddress = ROOT, ancestors: Step[] = []): Located | null {
  for (const [index, step] of steps.entries()) {
    if (step.key === key) return { step, list: steps, index, address, ancestors };
    for (const child of childLists(step)) {
      const found = findStep(child.steps, key, child.address, [...ancestors, step]);
      if (found) return found;
    }
  }
  return null;
}

/** Applies `edit` to the list at `address`, rebuilding only the path down to it. */
function editList(steps: Step[], address: ListAddress, edit: (list: Step[]) => Step[]): Step[] {
  if (address.parent === null) return edit(steps);
  const target = address.parent;
  return steps.map((step) => {
    if (step.key === target) {
      if (step.type === 'paths') {
        const branchIndex = address.branch ?? 0;
        return { ...step, branches: step.branches.map((branch, index) => (index === branchIndex ? { ...branch, steps: edit(branch.steps) } : branch)) };
      }
      if (step.type === 'loop') return { ...step, steps: edit(step.steps) };
      return step;
    }
    if (step.type === 'paths') return { ...step, branches: step.branches.map((branch) => ({ ...branch, steps: editList(branch.steps, address, edit) })) };
    if (step.type === 'loop') return { ...step, steps: editList(step.steps, address, edit) };
    return step;
  });
}

export function updateStep(steps: Step[], key: string, update: (step: Step) => Step): Step[] {
  const found = findStep(steps, key);
  if (!found) return steps;
  return editList(steps, found.address, (list) => list.map((step) => (step.key === key ? update(step) : step)));
}

export function insertStep(steps: Step[], address: ListAddress, index: number, step: Step): Step[] {
  return editList(steps, address, (list) => [...list.slice(0, index), step, ...list.slice(index)]);
}

export function removeStep(steps: Step[], key: string): Step[] {
  const found = findStep(steps, key);
  if (!found) return steps;
  return editList(steps, found.address, (list) => list.filter((step) => step.key !== key));
}

/** Moves a step up (-1) or down (+1) within its own list. */
/** Moves a step `delta` places within its own list (negative: up); a move past either end changes nothing. */
export function moveStep(steps: Step[], key: string, delta: number): Step[] {
  const found = findStep(steps, key);
  if (!found) return steps;
  const target = found.index + delta;
  if (target < 0 || target >= found.list.length) return steps;
  return editList(steps, found.address, (list) => {
    const copy = [...list];
    const [moved] = copy.splice(found.index, 1);
    if (moved) copy.splice(target, 0, moved);
    return copy;
  });
}

export function allKeys(steps: readonly Step[]): Set<string> {
  return new Set(flattenSteps(steps).map((step) => step.key));
}

const KEY_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Why a key cannot be used, or null when it can. */
export function keyProblem(key: string, steps: readonly Step[], current?: string): string | null {
  if (key === '') return 'Give the step a key.';
  if (key.length > 64) return 'Keep the key to 64 characters.';
  if (!KEY_PATTERN.test(key)) return 'Start with a letter or _, then use letters, digits and _ only.';
  if (key !== current && allKeys(steps).has(key)) return `Another step already uses the key “${key}”.`;
  return null;
}

/** A readable key that no step uses yet: `create_person`, then `create_person_2`. */
export function uniqueKey(base: string, steps: readonly Step[]): string {
  let cleaned = base
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  if (cleaned === '' || /^\d/.test(cleaned)) cleaned = `step_${cleaned}`.replace(/_$/, '');
  const taken = allKeys(steps);
  if (!taken.has(cleaned)) return cleaned;
  for (let n = 2; ; n += 1) if (!taken.has(`${cleaned}_${n}`)) return `${cleaned}_${n}`;
}

/** Renames a step's key and every reference to it, so mapped data keeps working. */
export function renameKey(draft: ZapDraft, from: string, to: string): ZapDraft {
  const steps = updateStep(draft.steps, from, (step) => ({ ...step, key: to }));
  return { ...draft, steps: renameStepReferences(steps, from, to) };
}

/** Numbers as the builder shows them: the trigger is 1, then every step depth first. */
export function stepNumbers(steps: readonly Step[]): Map<string, number> {
  return new Map(flattenSteps(steps).map((step, index) => [step.key, index + 2]));
}

/**
 * The steps whose output a step may use, in order: earlier steps of its own list and of every enclosing list,
 * the steps inside earlier paths steps (a branch shares its parent's scope) and enclosing loops (for the item).
 * Enclosing paths steps and the steps inside earlier loops are left out, as the engine does not allow them.
 */
export function visibleSteps(steps: Step[], key: string): Step[] {
  const found = findStep(steps, key);
  if (!found) return [];
  const chain = [...found.ancestors, found.step];
  const visible: Step[] = [];
  const withBranches = (step: Step): Step[] =>
    step.type === 'paths' ? [step, ...step.branches.flatMap((branch) => branch.steps.flatMap(withBranches))] : [step];
  let list = steps;
  for (const link of chain) {
    const index = list.findIndex((step) => step.key === link.key);
    visible.push(...list.slice(0, index).flatMap(withBranches));
    if (link.type === 'loop' && link.key !== key) visible.push(link);
    const next = chain[chain.indexOf(link) + 1];
    if (!next) break;
    const child = childLists(link).find((candidate) => candidate.steps.some((step) => step.key === next.key));
    list = child?.steps ?? [];
  }
  return visible;
}

export function newPathsBranch(name: string): PathsStep['branches'][number] {
  return { name, conditions: [[{ left: '', op: 'equals', right: '' }]], steps: [] };
}

/** The edits the builder makes; each produces a new draft (the autosave sends whole drafts). */
export type DraftEdit =
  | { type: 'name'; name: string }
  | { type: 'trigger'; trigger: Trigger }
  | { type: 'step'; key: string; step: Step }
  | { type: 'insert'; address: ListAddress; index: number; step: Step }
  | { type: 'remove'; key: string }
  | { type: 'move'; key: string; delta: number }
  | { type: 'rename-key'; from: string; to: string };

export function applyEdit(draft: ZapDraft, edit: DraftEdit): ZapDraft {
  switch (edit.type) {
    case 'name':
      return { ...draft, name: edit.name };
    case 'trigger':
      return { ...draft, trigger: edit.trigger };
    case 'step':
      return { ...draft, steps: updateStep(draft.steps, edit.key, () => edit.step) };
    case 'insert':
      return { ...draft, steps: insertStep(draft.steps, edit.address, edit.index, edit.step) };
    case 'remove':
      return { ...draft, steps: removeStep(draft.steps, edit.key) };
    case 'move':
      return { ...draft, steps: moveStep(draft.steps, edit.key, edit.delta) };
    case 'rename-key':
      return renameKey(draft, edit.from, edit.to);
  }
}
