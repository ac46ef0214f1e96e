// Manual "Run now": fired by "Run now" in the builder or POST .../zaps/:id/run, with optional data.
import { z } from 'zod';
import { defineTrigger } from '../../../kit/define.ts';

export const runNow = defineTrigger({
  key: 'run_now',
  name: 'Run now',
  description: 'Starts the zap when someone presses "Run now" (or calls POST /api/v1/workspaces/:ws/zaps/:id/run), with the data they give.',
  type: 'manual',
  input: z.object({}),
  sample: { startedBy: 'user@example.com', data: {} },
  outputFields: [
    { key: 'startedBy', label: 'Started by', type: 'string' },
    { key: 'data', label: 'Data', type: 'object' },
  ],
});
