// The guarded HTTP client and the pieces other packages configure it with.
export { createHttpClient, defaultErrorMessage } from './client.ts';
export type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse, QueryValue, RequestBody, ResponseType, StepHttp } from './client.ts';
export { parseOutboundAllow } from './allow.ts';
export type { AllowEntry, OutboundAllow } from './allow.ts';
export { createOutboundGuard, systemResolver } from './guard.ts';
export type { OutboundGuard, ResolvedAddress, Resolver } from './guard.ts';
export { StepFailure, isStepFailure } from './errors.ts';
export type { RecordedRequest, StepFailureCode, StepFailureOptions } from './errors.ts';
export { REDACTED, createRedactor, redactByName } from './redact.ts';
export type { Redactor } from './redact.ts';
export { defaultRetryPolicy, parseRetryAfter } from './retry.ts';
export type { RetryPolicy } from './retry.ts';
export { createCodeFetch } from './code-fetch.ts';
export type { CodeFetchOptions, CodeFetchRequest, CodeFetchResponse } from './code-fetch.ts';
