// The connector kit: define an app, its actions and triggers, and run them for the engine.
export { defineAction, defineApp, defineTrigger, DeliveryRejected, findAction, findTrigger } from './define.ts';
export {
  connectionCredentials,
  customApiCall,
  customApiCallInput,
  isRecord,
  originField,
  originOf,
  type CustomApiCallInput,
  type CustomApiCallOutput,
} from './common.ts';
export type {
  ActionContext,
  ActionDefinition,
  AppWebhookTriggerDefinition,
  Cursor,
  Delivery,
  IncomingRequest,
  OptionsLoader,
  OutputField,
  OutputFieldType,
  ServiceContext,
  PollContext,
  PollOutcome,
  SubscribeContext,
  AppAuth,
  AppDefinition,
  Credentials,
  InstantTriggerDefinition,
  PollingTriggerDefinition,
  TriggerContext,
  TriggerDefinition,
} from './define.ts';
export { credentialSecrets, dedupeKeyOf, performAction, pollTrigger } from './perform.ts';
export type { ActionResult, PerformOptions, PollResult } from './perform.ts';
export { outputFieldProblems } from '@switchyard/contracts';
export { authFields, describeApp, fieldMeta, secretFieldKeys } from './manifest.ts';
export type { AppManifest, AuthField, FieldMeta, JsonSchema, OperationManifest } from './manifest.ts';
export * as field from './fields.ts';
export { compact, FIELD_LIMITS, type FieldLabel } from './fields.ts';
