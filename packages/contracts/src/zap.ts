// The zap document (trigger, steps, conditions) as the API stores it, the engine runs it and the builder edits it.
import { z } from 'zod';

/**
 * Bounds that keep a hostile zap document from exhausting memory or the stack.
 * The structural limits are checked on the raw input before zod walks it, so even a
 * deeply nested body answers a validation error rather than a stack overflow.
 */
export const ZAP_LIMITS = {
  maxJsonDepth: 64,
  maxNodes: 200_000,
  maxNesting: 10,
  maxStepsPerList: 100,
  maxStepsTotal: 300,
  maxBranches: 20,
  maxConditionGroups: 20,
  maxConditionsPerGroup: 20,
  maxKeyLength: 64,
  maxNameLength: 200,
  maxIdentifierLength: 100,
  maxCodeLength: 100_000,
  maxLoopItems: 10_000,
} as const;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether a value is JSON as it stands: finite numbers, arrays and plain objects, no object nested deeper than
 * `maxDepth` (the value itself is at depth 0). Walks without recursion, so deep data cannot overflow the stack.
 */
export function isJsonValue(value: unknown, maxDepth = Number.POSITIVE_INFINITY): value is JsonValue {
  // Two parallel stacks: no allocation per node on this hot path.
  const stack: unknown[] = [value];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const current = stack.pop();
    const depth = depths.pop()!;
    if (current === null || typeof current === 'string' || typeof current === 'boolean') continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return false;
      continue;
    }
    if (typeof current !== 'object' || depth > maxDepth) return false;
    if (!Array.isArray(current) && !isPlainObject(current)) return false;
    for (const item of Array.isArray(current) ? current : Object.values(current)) {
      stack.push(item);
      depths.push(depth + 1);
    }
  }
  return true;
}

/**
 * Sets a key as an own data property. Plain assignment would do the same for every key but `__proto__`, where it
 * replaces the object's prototype instead and the key is lost.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/**
 * Any JSON value: step inputs, trigger data and step outputs are arbitrary JSON. Checked and passed on as it is, never
 * rebuilt: zod's `z.json()` copies objects and leaves a `__proto__` key out, so data a hook caller or a service sent
 * with one would render in templates but vanish from run history. Kept, it is an ordinary own key everywhere.
 */
export const JsonValue = z.custom<JsonValue>((value) => isJsonValue(value), { error: 'must be JSON' }).meta({ description: 'Any JSON value' });
export const JsonObject = z.record(z.string(), JsonValue);
export type JsonObject = z.infer<typeof JsonObject>;

export const STEP_KEY_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
export const StepKey = z
  .string()
  .max(ZAP_LIMITS.maxKeyLength)
  .regex(STEP_KEY_PATTERN, 'must start with a letter or underscore and contain only letters, digits and underscores');

const Identifier = z.string().min(1).max(ZAP_LIMITS.maxIdentifierLength);
const DisplayName = z.string().max(ZAP_LIMITS.maxNameLength);
const ConnectionId = z.string().min(1).max(ZAP_LIMITS.maxIdentifierLength);

export const OnError = z.enum(['halt', 'continue']);
export type OnError = z.infer<typeof OnError>;

export const CONDITION_OPS = [
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'starts_with',
  'ends_with',
  'gt',
  'gte',
  'lt',
  'lte',
  'exists',
  'not_exists',
  'is_true',
  'is_false',
  'matches_regex',
] as const;
export const ConditionOp = z.enum(CONDITION_OPS);
export type ConditionOp = z.infer<typeof ConditionOp>;

/** `left` and `right` are usually templates or constants; `right` is unused by unary ops. */
export const Condition = z.object({
  left: JsonValue,
  op: ConditionOp,
  right: JsonValue.optional(),
});
export type Condition = z.infer<typeof Condition>;

/** OR of AND-groups: the list passes when any group has all its conditions true; an empty list passes. */
export const Conditions = z.array(z.array(Condition).max(ZAP_LIMITS.maxConditionsPerGroup)).max(ZAP_LIMITS.maxConditionGroups);
export type Conditions = z.infer<typeof Conditions>;

export const Trigger = z.object({
  app: Identifier,
  event: Identifier,
  connectionId: ConnectionId.optional(),
  input: JsonObject.optional(),
  /** Polling triggers: how often to poll; the server never polls more often than its floor (POLL_MIN_INTERVAL_MS). */
  pollIntervalMs: z.number().int().min(1_000).max(86_400_000).optional(),
});
export type Trigger = z.infer<typeof Trigger>;

const stepBase = {
  key: StepKey,
  name: DisplayName.optional(),
};

export const ActionStep = z.object({
  ...stepBase,
  type: z.literal('action'),
  app: Identifier,
  action: Identifier,
  connectionId: ConnectionId.optional(),
  input: JsonObject.default({}),
  onError: OnError.default('halt'),
});
export type ActionStep = z.infer<typeof ActionStep>;

/** The code itself is never templated (that would splice data into source); data reaches it through inputData. */
export const CodeStep = z.object({
  ...stepBase,
  type: z.literal('code'),
  input: z.object({
    code: z.string().max(ZAP_LIMITS.maxCodeLength),
    inputData: JsonObject.optional(),
  }),
  onError: OnError.default('halt'),
});
export type CodeStep = z.infer<typeof CodeStep>;

export const FilterStep = z.object({
  ...stepBase,
  type: z.literal('filter'),
  conditions: Conditions,
});
export type FilterStep = z.infer<typeof FilterStep>;

export const DelayUnit = z.enum(['seconds', 'minutes', 'hours', 'days']);
export type DelayUnit = z.infer<typeof DelayUnit>;

/**
 * Either wait `for` an amount of time or `until` a moment (ISO 8601, epoch, or a template). Both are optional in a draft so
 * the builder can save an unfinished step; publishing reports a delay with neither.
 * `amount` may be a template (a string) that renders to a number.
 */
export const DelayStep = z.object({
  ...stepBase,
  type: z.literal('delay'),
  input: z
    .object({
      for: z
        .object({
          amount: z.union([z.number().nonnegative(), z.string().max(ZAP_LIMITS.maxNameLength)]),
          unit: DelayUnit,
        })
        .optional(),
      until: z.string().max(ZAP_LIMITS.maxNameLength).optional(),
      /** IANA zone for an `until` written without an offset (default UTC). */
      timeZone: z.string().min(1).max(64).optional(),
    })
    .refine((input) => !(input.for && input.until), { message: 'a delay waits either "for" a duration or "until" a time, not both' })
    .default({}),
});
export type DelayStep = z.infer<typeof DelayStep>;

export type PathsBranch = {
  name: string;
  conditions: Conditions;
  steps: Step[];
};

export type PathsStep = {
  key: string;
  name?: string | undefined;
  type: 'paths';
  branches: PathsBranch[];
};

/** `items` is a template (or a literal array); `maxItems` lowers the engine's iteration bound for this loop. */
export type LoopStep = {
  key: string;
  name?: string | undefined;
  type: 'loop';
  input: { items: JsonValue; maxItems?: number | undefined };
  steps: Step[];
};

export type Step = ActionStep | CodeStep | FilterStep | PathsStep | DelayStep | LoopStep;
export type StepType = Step['type'];
export const STEP_TYPES = ['action', 'code', 'filter', 'paths', 'delay', 'loop'] as const satisfies readonly StepType[];

const StepList: z.ZodType<Step[], unknown> = z.lazy(() => z.array(Step).max(ZAP_LIMITS.maxStepsPerList));

export const PathsBranch = z.object({
  name: z.string().min(1).max(ZAP_LIMITS.maxNameLength),
  conditions: Conditions,
  steps: StepList,
});

export const PathsStep = z.object({
  ...stepBase,
  type: z.literal('paths'),
  branches: z.array(PathsBranch).max(ZAP_LIMITS.maxBranches),
});

export const LoopStep = z.object({
  ...stepBase,
  type: z.literal('loop'),
  input: z.object({
    items: JsonValue,
    maxItems: z.number().int().positive().max(ZAP_LIMITS.maxLoopItems).optional(),
  }),
  steps: StepList,
});

export const Step: z.ZodType<Step, unknown> = z.discriminatedUnion('type', [ActionStep, CodeStep, FilterStep, PathsStep, DelayStep, LoopStep]);

/** Children of a container step, in execution order (branches flattened). */
export function childStepLists(step: Step): Step[][] {
  if (step.type === 'paths') return step.branches.map((branch) => branch.steps);
  if (step.type === 'loop') return [step.steps];
  return [];
}

function checkStepTree(steps: Step[], ctx: z.RefinementCtx): void {
  let total = 0;
  const visit = (list: Step[], depth: number, path: (string | number)[]): void => {
    list.forEach((step, index) => {
      total += 1;
      const here = [...path, index];
      if ((step.type === 'paths' || step.type === 'loop') && depth >= ZAP_LIMITS.maxNesting) {
        ctx.addIssue({ code: 'custom', path: here, message: `steps may be nested at most ${ZAP_LIMITS.maxNesting} levels deep` });
        return;
      }
      if (step.type === 'paths') {
        step.branches.forEach((branch, b) => {
          visit(branch.steps, depth + 1, [...here, 'branches', b, 'steps']);
        });
      } else if (step.type === 'loop') {
        visit(step.steps, depth + 1, [...here, 'steps']);
      }
    });
  };
  visit(steps, 0, ['steps']);
  if (total > ZAP_LIMITS.maxStepsTotal) {
    ctx.addIssue({ code: 'custom', path: ['steps'], message: `a zap may have at most ${ZAP_LIMITS.maxStepsTotal} steps in all` });
  }
}

/** How deep event data, step outputs and service replies may nest; walks over deeper data would overflow the stack. */
export const MAX_DATA_DEPTH = 200;

/**
 * Measures depth and node count without recursion, so the check itself cannot overflow
 * the stack on the input it is meant to reject.
 */
export function jsonStructureProblem(value: unknown, maxDepth: number = ZAP_LIMITS.maxJsonDepth, maxNodes: number = ZAP_LIMITS.maxNodes): string | null {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    nodes += 1;
    if (nodes > maxNodes) return `the document has more than ${maxNodes} values`;
    if (current === null || typeof current !== 'object') continue;
    if (depth > maxDepth) return `the document is nested more than ${maxDepth} levels deep`;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return null;
}

function boundedDocument<T extends z.ZodType>(schema: T) {
  return z.preprocess((value, ctx) => {
    const problem = jsonStructureProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
    return value;
  }, schema);
}

const zapShape = {
  name: z.string().trim().min(1).max(ZAP_LIMITS.maxNameLength),
  trigger: Trigger,
};

/** The body of a draft or a published version: what the engine executes. */
export const ZapDefinition = boundedDocument(z.object({ ...zapShape, steps: StepList }).superRefine((zap, ctx) => checkStepTree(zap.steps, ctx)));
export type ZapDefinition = z.output<typeof ZapDefinition>;

/** Body of `POST .../zaps` and `PUT .../zaps/:id`; `steps` may be left out for a zap that has none yet. */
export const ZapInput = boundedDocument(z.object({ ...zapShape, steps: StepList.default([]) }).superRefine((zap, ctx) => checkStepTree(zap.steps, ctx)));
export type ZapInput = z.output<typeof ZapInput>;

export const ZapStatus = z.enum(['on', 'off']);
export type ZapStatus = z.infer<typeof ZapStatus>;

/** The zap as the API returns it: the draft plus its publication state. */
export const RunStatus = z.enum(['queued', 'running', 'waiting', 'succeeded', 'failed', 'filtered']);
export type RunStatus = z.infer<typeof RunStatus>;

/** A zap's latest run (test runs aside), as the zaps list and a zap's page show it. */
export const LastRun = z.object({ id: z.string(), status: RunStatus, createdAt: z.string(), finishedAt: z.string().nullable() });
export type LastRun = z.infer<typeof LastRun>;

export const Zap = z.object({
  id: z.string(),
  name: z.string(),
  status: ZapStatus,
  trigger: Trigger,
  steps: z.array(Step),
  hookUrl: z.string().optional(),
  publishedVersion: z.number().int().nullable(),
  draftDiffers: z.boolean(),
  lastError: z.string().nullable(),
  disabledReason: z.string().nullable(),
  /** In the list and on `GET .../zaps/:id`; null before the first run. */
  lastRun: LastRun.nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Zap = z.infer<typeof Zap>;

/** Body of `POST .../zaps/:id/test`. */
export const ZapTestInput = z.object({
  triggerSample: JsonObject.optional(),
  upToStep: StepKey.optional(),
});
export type ZapTestInput = z.infer<typeof ZapTestInput>;
