// The code-step sandbox: isolated-vm isolates per workspace, a fresh context per run, hard limits.
export { createSandbox } from './sandbox.ts';
export type {
  CodeError,
  CodeErrorCode,
  JsonValue,
  LogLevel,
  LogLine,
  RecordedRequest,
  RunRequest,
  RunResult,
  Sandbox,
  SandboxFetch,
  SandboxFetchRequest,
  SandboxFetchResponse,
  SandboxLimits,
  SandboxOptions,
} from './sandbox.ts';
