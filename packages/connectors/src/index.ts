// Connectors: the guarded HTTP client, the connector kit and the registry of apps.
export * from './http/index.ts';
export * from './kit/index.ts';
export { apps, getApp, httpApp, manualApp, scheduleApp, webhooksApp } from './apps/index.ts';
export { cronRepeatStrategy, nextScheduleRuns, scheduleRepeat } from './apps/schedule/repeat.ts';
export { requestInput as httpRequestInput } from './apps/http/actions/request.ts';
export type { RequestInput as HttpRequestInput, RequestOutput as HttpRequestOutput } from './apps/http/actions/request.ts';
