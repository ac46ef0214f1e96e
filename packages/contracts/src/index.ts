// Shared zod schemas: the shapes the API, the worker and the web UI agree on.
export * from './errors.ts';
export * from './accounts.ts';
export * from './zap.ts';
export * from './run.ts';
export * from './failure.ts';
export * from './templates.ts';
export * from './output-fields.ts';
