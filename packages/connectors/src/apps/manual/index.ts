// Manual: a trigger fired by "Run now" in the builder or POST .../zaps/:id/run, with optional data.
import { defineApp } from '../../kit/define.ts';
import { runNow } from './triggers/run-now.ts';

export const manualApp = defineApp({
  key: 'manual',
  name: 'Manual',
  description: 'Start a zap by hand.',
  actions: [],
  triggers: [runNow],
});
