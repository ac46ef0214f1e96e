// Static checks run before publishing: every problem in a zap, found at once, each located by a JSON path.
import { ZapDefinition, type Conditions, type PathSegment, type Step } from '@switchyard/contracts';
import { findEngineApp, type EngineApp } from './apps.ts';
import { regexProblem, toNumber } from './conditions.ts';
import { parseDate, wallTimeIn } from './formatter/date.ts';
import { listReferences } from './templates.ts';

export const ZAP_PROBLEM_CODES = [
  'invalid_schema',
  'duplicate_key',
  'duplicate_branch',
  'unknown_app',
  'unknown_trigger',
  'unknown_action',
  'unknown_operation',
  'missing_input',
  'missing_connection',
  'bad_connection',
  'bad_reference',
  'invalid_regex',
  'missing_code',
  'missing_delay',
  'invalid_delay',
  'invalid_input',
] as const;
export type ZapProblemCode = (typeof ZAP_PROBLEM_CODES)[number];

/** `path` points into the zap document, e.g. `steps[2].input.title` or `trigger.event`. */
export type ZapProblem = {
  stepKey?: string;
  path: string;
  code: ZapProblemCode;
  message: string;
};

export type CatalogEntry = {
  /** Input fields that must be present and not blank. */
  requiredInputs: readonly string[];
  /** True when the app needs a connected account. */
  needsConnection?: boolean;
  /** What the input's own schema refuses, for inputs read as typed when the zap is published (a schedule). */
  inputProblems?(input: Record<string, unknown>): readonly { path: readonly PathSegment[]; message: string }[];
};

/**
 * What validation needs to know about apps, provided by the caller (the connector catalog).
 * All synchronous: the API loads the workspace's connections before validating, so
 * `checkConnection` is a lookup, not a query.
 */
export type ZapCatalog = {
  getTrigger(app: string, event: string): CatalogEntry | undefined;
  getAction(app: string, action: string): CatalogEntry | undefined;
  /** Lets problems say "unknown app" rather than "unknown action" when the whole app is unknown. */
  hasApp?(app: string): boolean;
  /** Returns why this connection cannot be used for this app (missing, another app's), or null. */
  checkConnection?(app: string, connectionId: string): string | null;
};

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

type Ancestor = { key: string; type: 'paths' | 'loop'; branch: number | null };

type Placement = {
  step: Step;
  order: number;
  at: PathSegment[];
  ancestors: Ancestor[];
};

type Problems = {
  add(problem: ZapProblem): void;
  list: ZapProblem[];
};

function problemsList(): Problems {
  const list: ZapProblem[] = [];
  return { list, add: (problem) => list.push(problem) };
}

/** Finds the key of the innermost step an issue path points into, for schema-level problems. */
function stepKeyAt(raw: unknown, path: readonly PropertyKey[]): string | undefined {
  let current: unknown = raw;
  let key: string | undefined;
  let previous: PropertyKey | undefined;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') break;
    current = (current as Record<PropertyKey, unknown>)[segment];
    if (previous === 'steps' && typeof segment === 'number' && current !== null && typeof current === 'object') {
      const candidate = (current as Record<string, unknown>).key;
      if (typeof candidate === 'string') key = candidate;
    }
    previous = segment;
  }
  return key;
}

type Placements = {
  /** Every step in execution order, duplicates included. */
  all: Placement[];
  /** The first step with each key: the one a reference reaches. */
  byKey: Map<string, Placement>;
};

function place(steps: readonly Step[], at: PathSegment[], ancestors: Ancestor[], placements: Placements, problems: Problems): void {
  steps.forEach((step, index) => {
    const here = [...at, index];
    const placement: Placement = { step, order: placements.all.length, at: here, ancestors };
    placements.all.push(placement);
    if (placements.byKey.has(step.key)) {
      problems.add({
        stepKey: step.key,
        path: formatPath([...here, 'key']),
        code: 'duplicate_key',
        message: `Another step already uses the key "${step.key}"; keys must be unique in a zap`,
      });
    } else {
      placements.byKey.set(step.key, placement);
    }
    if (step.type === 'paths') {
      const names = new Set<string>();
      step.branches.forEach((branch, b) => {
        if (names.has(branch.name)) {
          problems.add({
            stepKey: step.key,
            path: formatPath([...here, 'branches', b, 'name']),
            code: 'duplicate_branch',
            message: `Two branches of "${step.key}" are named "${branch.name}"`,
          });
        }
        names.add(branch.name);
        place(branch.steps, [...here, 'branches', b, 'steps'], [...ancestors, { key: step.key, type: 'paths', branch: b }], placements, problems);
      });
    } else if (step.type === 'loop') {
      place(step.steps, [...here, 'steps'], [...ancestors, { key: step.key, type: 'loop', branch: null }], placements, problems);
    }
  });
}

/** Why `from` may not read step `key`, or null when it may. */
function referenceProblem(from: Placement, key: string, placements: Map<string, Placement>): string | null {
  const target = placements.get(key);
  if (!target) return `There is no step "${key}"`;
  if (from.ancestors.some((ancestor) => ancestor.key === key)) return null;
  if (target === from) return `Step "${key}" cannot use its own output`;
  if (target.order > from.order) return `Step "${key}" runs after "${from.step.key}", so its output is not available yet`;
  for (let i = 0; i < Math.min(from.ancestors.length, target.ancestors.length); i += 1) {
    const mine = from.ancestors[i] as Ancestor;
    const theirs = target.ancestors[i] as Ancestor;
    if (mine.key !== theirs.key) break;
    if (mine.branch !== theirs.branch) return `Step "${key}" is in another branch of "${mine.key}", which never runs together with this one`;
  }
  const loop = target.ancestors.find((ancestor) => ancestor.type === 'loop' && !from.ancestors.some((mine) => mine.key === ancestor.key));
  if (loop) return `Step "${key}" runs inside loop "${loop.key}"; outside the loop read its results from {{steps.${loop.key}.results}}`;
  return null;
}

function checkReferences(value: unknown, at: PathSegment[], from: Placement | null, placements: Map<string, Placement>, problems: Problems): void {
  for (const found of listReferences(value)) {
    const path = formatPath([...at, ...found.at]);
    const stepKey = from?.step.key;
    if ('malformed' in found) {
      problems.add({
        ...(stepKey ? { stepKey } : {}),
        path,
        code: 'bad_reference',
        message: `${found.malformed} is not a valid reference; use {{trigger.field}} or {{steps.key.field}}`,
      });
      continue;
    }
    if (found.ref.root !== 'steps') continue;
    const key = found.ref.path[0] as string;
    const message = from ? referenceProblem(from, key, placements) : 'The trigger cannot use step outputs';
    if (message) problems.add({ ...(stepKey ? { stepKey } : {}), path, code: 'bad_reference', message: `${message} (in {{${found.ref.text}}})` });
  }
}

function checkConditions(conditions: Conditions, at: PathSegment[], stepKey: string, problems: Problems): void {
  conditions.forEach((group, g) => {
    group.forEach((condition, c) => {
      if (condition.op !== 'matches_regex' || typeof condition.right !== 'string' || condition.right.includes('{{')) return;
      const problem = regexProblem(condition.right);
      if (problem) problems.add({ stepKey, path: formatPath([...at, g, c, 'right']), code: 'invalid_regex', message: problem });
    });
  });
}

function checkRequired(
  input: Record<string, unknown> | undefined,
  required: readonly string[],
  at: PathSegment[],
  stepKey: string | undefined,
  problems: Problems,
): void {
  for (const name of required) {
    if (isBlank(input?.[name])) {
      problems.add({ ...(stepKey ? { stepKey } : {}), path: formatPath([...at, name]), code: 'missing_input', message: `"${name}" is required` });
    }
  }
}

function checkConnection(
  app: string,
  connectionId: string | undefined,
  entry: CatalogEntry,
  at: PathSegment[],
  stepKey: string | undefined,
  catalog: ZapCatalog,
  problems: Problems,
): void {
  const where = formatPath([...at, 'connectionId']);
  const key = stepKey ? { stepKey } : {};
  if (connectionId === undefined) {
    if (entry.needsConnection) problems.add({ ...key, path: where, code: 'missing_connection', message: `Choose a ${app} connection` });
    return;
  }
  const problem = catalog.checkConnection?.(app, connectionId) ?? null;
  if (problem) problems.add({ ...key, path: where, code: 'bad_connection', message: problem });
}

/** Engine apps know more than a catalog entry: the fields each operation requires, and the patterns it compiles. */
function checkEngineAction(app: EngineApp, step: Step & { type: 'action' }, at: PathSegment[], problems: Problems): void {
  const action = app.actions.find((candidate) => candidate.key === step.action);
  if (!action) {
    const keys = app.actions.map((candidate) => candidate.key);
    const choices = keys.length > 1 ? `${keys.slice(0, -1).join(', ')} or ${keys.at(-1)}` : keys.join('');
    problems.add({
      stepKey: step.key,
      path: formatPath([...at, 'action']),
      code: 'unknown_action',
      message: `${app.name} has no action "${step.action}" (use ${choices})`,
    });
    return;
  }
  const where = [...at, 'input', 'operation'];
  const name = step.input.operation;
  if (isBlank(name)) {
    problems.add({ stepKey: step.key, path: formatPath(where), code: 'missing_input', message: '"operation" is required' });
    return;
  }
  const operation = action.operations.find((candidate) => candidate.key === name);
  if (!operation) {
    const known = action.operations.map((candidate) => candidate.key).join(', ');
    problems.add({
      stepKey: step.key,
      path: formatPath(where),
      code: 'unknown_operation',
      message: `${app.name} ${action.key} has no operation ${JSON.stringify(name)} (known: ${known})`,
    });
    return;
  }
  checkRequired(step.input, operation.required, [...at, 'input'], step.key, problems);
  const pattern = step.input.pattern;
  if (operation.key === 'extract_pattern' && typeof pattern === 'string' && !pattern.includes('{{')) {
    const problem = regexProblem(pattern);
    if (problem) problems.add({ stepKey: step.key, path: formatPath([...at, 'input', 'pattern']), code: 'invalid_regex', message: problem });
  }
}

function checkStep(placement: Placement, placements: Map<string, Placement>, catalog: ZapCatalog, problems: Problems): void {
  const { step, at } = placement;
  const refs = (value: unknown, where: PathSegment[]) => checkReferences(value, [...at, ...where], placement, placements, problems);
  switch (step.type) {
    case 'action': {
      refs(step.input, ['input']);
      const engineApp = findEngineApp(step.app);
      if (engineApp) {
        checkEngineAction(engineApp, step, at, problems);
        return;
      }
      const entry = catalog.getAction(step.app, step.action);
      if (!entry) {
        if (catalog.hasApp && !catalog.hasApp(step.app)) {
          problems.add({ stepKey: step.key, path: formatPath([...at, 'app']), code: 'unknown_app', message: `There is no app "${step.app}"` });
        } else {
          problems.add({
            stepKey: step.key,
            path: formatPath([...at, 'action']),
            code: 'unknown_action',
            message: `App "${step.app}" has no action "${step.action}"`,
          });
        }
        return;
      }
      checkRequired(step.input, entry.requiredInputs, [...at, 'input'], step.key, problems);
      checkConnection(step.app, step.connectionId, entry, at, step.key, catalog, problems);
      return;
    }
    case 'code':
      refs(step.input.inputData ?? {}, ['input', 'inputData']);
      if (step.input.code.trim() === '') {
        problems.add({ stepKey: step.key, path: formatPath([...at, 'input', 'code']), code: 'missing_code', message: 'The code step has no code' });
      }
      return;
    case 'filter':
      refs(step.conditions, ['conditions']);
      checkConditions(step.conditions, [...at, 'conditions'], step.key, problems);
      return;
    case 'paths':
      step.branches.forEach((branch, b) => {
        refs(branch.conditions, ['branches', b, 'conditions']);
        checkConditions(branch.conditions, [...at, 'branches', b, 'conditions'], step.key, problems);
      });
      return;
    case 'loop':
      refs(step.input.items, ['input', 'items']);
      if (isBlank(step.input.items)) {
        problems.add({ stepKey: step.key, path: formatPath([...at, 'input', 'items']), code: 'missing_input', message: 'The loop needs items to loop over' });
      }
      return;
    case 'delay': {
      refs(step.input, ['input']);
      const { for: duration, until } = step.input;
      if (!duration && isBlank(until)) {
        problems.add({
          stepKey: step.key,
          path: formatPath([...at, 'input']),
          code: 'missing_delay',
          message: 'The delay needs a duration ("for") or a time ("until")',
        });
        return;
      }
      if (duration && typeof duration.amount === 'string' && !duration.amount.includes('{{') && toNumber(duration.amount) === null) {
        problems.add({
          stepKey: step.key,
          path: formatPath([...at, 'input', 'for', 'amount']),
          code: 'invalid_delay',
          message: `"${duration.amount}" is not a number`,
        });
      }
      if (step.input.timeZone !== undefined) {
        try {
          wallTimeIn(0, step.input.timeZone);
        } catch {
          problems.add({
            stepKey: step.key,
            path: formatPath([...at, 'input', 'timeZone']),
            code: 'invalid_delay',
            message: `Unknown time zone "${step.input.timeZone}"`,
          });
          return;
        }
      }
      if (typeof until === 'string' && !until.includes('{{')) {
        try {
          parseDate(until, step.input.timeZone ?? 'UTC');
        } catch {
          problems.add({ stepKey: step.key, path: formatPath([...at, 'input', 'until']), code: 'invalid_delay', message: `"${until}" is not a date and time` });
        }
      }
      return;
    }
  }
}

/**
 * Lists every problem that would stop the zap from running: schema errors first (when the
 * document does not even parse, only those), otherwise unknown apps, actions and triggers,
 * missing inputs and connections, bad references, invalid regexes, empty code and delays.
 * An empty list means the zap can be published.
 */
export function validateZap(zap: unknown, catalog: ZapCatalog): ZapProblem[] {
  const parsed = ZapDefinition.safeParse(zap);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const stepKey = stepKeyAt(zap, issue.path);
      const path = formatPath(issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol'));
      return { ...(stepKey ? { stepKey } : {}), path, code: 'invalid_schema', message: issue.message };
    });
  }
  const definition = parsed.data;
  const problems = problemsList();

  const trigger = definition.trigger;
  const triggerEntry = catalog.getTrigger(trigger.app, trigger.event);
  if (!triggerEntry) {
    if (catalog.hasApp && !catalog.hasApp(trigger.app)) {
      problems.add({ path: 'trigger.app', code: 'unknown_app', message: `There is no app "${trigger.app}"` });
    } else {
      problems.add({ path: 'trigger.event', code: 'unknown_trigger', message: `App "${trigger.app}" has no trigger "${trigger.event}"` });
    }
  } else {
    checkRequired(trigger.input, triggerEntry.requiredInputs, ['trigger', 'input'], undefined, problems);
    for (const { path, message } of triggerEntry.inputProblems?.(trigger.input ?? {}) ?? []) {
      problems.add({ path: formatPath(['trigger', 'input', ...path]), code: 'invalid_input', message });
    }
    checkConnection(trigger.app, trigger.connectionId, triggerEntry, ['trigger'], undefined, catalog, problems);
  }
  checkReferences(trigger.input ?? {}, ['trigger', 'input'], null, new Map(), problems);

  const placements: Placements = { all: [], byKey: new Map() };
  place(definition.steps, ['steps'], [], placements, problems);
  for (const placement of placements.all) checkStep(placement, placements.byKey, catalog, problems);
  return problems.list;
}
