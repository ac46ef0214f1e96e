// The run runner: the one place where the engine meets connectors, the sandbox and PostgreSQL.
export { createCatalog, type AppCatalog, type TriggerKind } from './catalog.ts';
export { createRunner, type ExecutionResult, type Runner, type RunnerOptions, type RunRef } from './runner.ts';
export { createRuntime, loadConnectorModules, vaultFromConfig, type Runtime } from './runtime.ts';
export { openConnection } from './connections.ts';
export { createTriggerLifecycle, pollIntervalMs, DEFAULT_POLL_INTERVAL_MS, type TriggerLifecycle, type ZapTrigger } from './lifecycle.ts';
export { createPoller, AUTH_FAILURES_TO_DISABLE, type Poller, type PollReport } from './poll.ts';
