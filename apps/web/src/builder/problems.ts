// Puts each publish problem next to what it concerns: the zap, the trigger, or one step and the field inside it.
import type { ErrorDetail } from '../api.ts';
import type { Step, ZapDraft } from './draft.ts';

export type Problem = { path: string; message: string; code?: string | undefined };

/** Where a problem shows: `field` is the rest of its path inside the step or trigger, e.g. `input.title` or `connectionId`. */
export type ProblemTarget = { scope: 'zap'; field: string } | { scope: 'trigger'; field: string } | { scope: 'step'; key: string; field: string };

type Segment = string | number;

/** `steps[2].branches[0].name` -> `['steps', 2, 'branches', 0, 'name']`. */
export function parseProblemPath(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g)) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(match[2]);
    else if (match[3] !== undefined) segments.push(match[3]);
  }
  return segments;
}

export function formatProblemPath(segments: readonly Segment[]): string {
  let text = '';
  for (const segment of segments) text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
  return text;
}

/** Walks `steps[i]`, `branches[b].steps[i]` and a loop's `steps[i]` down to the innermost step the path names. */
function walkToStep(steps: Step[], segments: Segment[]): { step: Step; rest: Segment[] } | null {
  if (segments[0] !== 'steps' || typeof segments[1] !== 'number') return null;
  let step = steps[segments[1]];
  let rest = segments.slice(2);
  if (!step) return null;
  for (;;) {
    if (step.type === 'paths' && rest[0] === 'branches' && typeof rest[1] === 'number' && rest[2] === 'steps' && typeof rest[3] === 'number') {
      const inner: Step | undefined = step.branches[rest[1]]?.steps[rest[3]];
      if (!inner) break;
      step = inner;
      rest = rest.slice(4);
    } else if (step.type === 'loop' && rest[0] === 'steps' && typeof rest[1] === 'number') {
      const inner: Step | undefined = step.steps[rest[1]];
      if (!inner) break;
      step = inner;
      rest = rest.slice(2);
    } else {
      break;
    }
  }
  return { step, rest };
}

export function locateProblem(detail: ErrorDetail, draft: ZapDraft): ProblemTarget {
  const segments = parseProblemPath(detail.path);
  if (segments[0] === 'trigger') return { scope: 'trigger', field: formatProblemPath(segments.slice(1)) };
  const walked = walkToStep(draft.steps, segments);
  if (walked) return { scope: 'step', key: walked.step.key, field: formatProblemPath(walked.rest) };
  if (detail.stepKey && draft.steps.length > 0) return { scope: 'step', key: detail.stepKey, field: '' };
  return { scope: 'zap', field: detail.path };
}

/** The problems of one place, by field. */
export class FieldProblems {
  constructor(readonly all: Problem[] = []) {}

  get count(): number {
    return this.all.length;
  }

  /** The first problem at `field` or inside it (`input` matches `input.title`). */
  at(field: string): string | undefined {
    return this.all.find((problem) => problem.path === field || problem.path.startsWith(`${field}.`) || problem.path.startsWith(`${field}[`))?.message;
  }

  /** The problems under a prefix with the prefix removed: `input.title` under `input` becomes `title`. */
  under(prefix: string): FieldProblems {
    const inside = this.all.flatMap((problem) => {
      if (problem.path.startsWith(`${prefix}.`)) return [{ ...problem, path: problem.path.slice(prefix.length + 1) }];
      if (problem.path.startsWith(`${prefix}[`)) return [{ ...problem, path: problem.path.slice(prefix.length) }];
      return [];
    });
    return new FieldProblems(inside);
  }

  /** Problems that no field on screen claims, listed at the top of the step. */
  except(fields: readonly string[]): Problem[] {
    return this.all.filter(
      (problem) => !fields.some((field) => problem.path === field || problem.path.startsWith(`${field}.`) || problem.path.startsWith(`${field}[`)),
    );
  }
}

export const NO_PROBLEMS = new FieldProblems();

export type ProblemIndex = {
  total: number;
  zap: Problem[];
  trigger: FieldProblems;
  step(key: string): FieldProblems;
  /** Keys of steps with problems, for badges on collapsed containers. */
  stepKeys: Set<string>;
};

export function indexProblems(details: readonly ErrorDetail[], draft: ZapDraft): ProblemIndex {
  const zap: Problem[] = [];
  const trigger: Problem[] = [];
  const steps = new Map<string, Problem[]>();
  for (const detail of details) {
    const target = locateProblem(detail, draft);
    const problem: Problem = { path: target.field, message: detail.message, code: detail.code };
    if (target.scope === 'zap') zap.push({ ...problem, path: detail.path });
    else if (target.scope === 'trigger') trigger.push(problem);
    else steps.set(target.key, [...(steps.get(target.key) ?? []), problem]);
  }
  const byStep = new Map([...steps].map(([key, list]) => [key, new FieldProblems(list)]));
  return {
    total: details.length,
    zap,
    trigger: new FieldProblems(trigger),
    step: (key) => byStep.get(key) ?? NO_PROBLEMS,
    stepKeys: new Set(steps.keys()),
  };
}
