// Public API of the engine: templates, conditions, the apps it computes itself (the formatter), the executor and publish-time validation.
export {
  listReferences,
  parseTemplate,
  render,
  renderString,
  renderValue,
  resolveRef,
  stringifyValue,
  type FoundReference,
  type StepState,
  type StepStatusValue,
  type TemplateContext,
} from './templates.ts';
export {
  compileRegex,
  evaluateConditions,
  regexProblem,
  testCondition,
  toNumber,
  REGEX_INPUT_LIMIT,
  REGEX_PATTERN_LIMIT,
  type ConditionsResult,
  type EvaluatedCondition,
} from './conditions.ts';
export { engineApps, findEngineAction, findEngineApp, type EngineApp } from './apps.ts';
export { findFormatterOperation, formatterApp, runFormatter } from './formatter/app.ts';
export type { FormatterAction, FormatterOperation } from './formatter/operation.ts';
export { addDuration, formatDate, parseDate, DATE_FORMAT_PRESETS, DURATION_UNITS, type DurationUnit } from './formatter/date.ts';
export { StepFailure, isStepFailureLike, toStepFailure, type StepFailureLike, type StepFailureOptions } from './failure.ts';
export { toJsonValue } from './json.ts';
export { DEFAULT_EXECUTE_OPTIONS, executeRun, loopItems } from './executor.ts';
export type {
  EnginePorts,
  ExecuteOptions,
  ExecuteRunParams,
  PerformActionRequest,
  PerformActionResult,
  RunCodeRequest,
  RunCodeResult,
  RunOutcome,
} from './ports.ts';
export { formatPath, validateZap, ZAP_PROBLEM_CODES, type CatalogEntry, type ZapCatalog, type ZapProblem, type ZapProblemCode } from './validate.ts';
