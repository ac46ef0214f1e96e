// The error envelope every API reply uses for 4xx and 5xx.
import { z } from 'zod';

export const errorDetail = z.object({
  path: z.string().describe('Where the problem is, e.g. "body.email" or "steps[2].input.title"'),
  message: z.string(),
  code: z.string().optional(),
  stepKey: z.string().optional().describe('The zap step the problem concerns, when it concerns one'),
});
export type ErrorDetail = z.infer<typeof errorDetail>;

export const errorEnvelope = z.object({
  error: z.object({
    code: z.string().describe('snake_case, stable: what a program branches on'),
    message: z.string().describe('A sentence a person can act on'),
    details: z.array(errorDetail).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelope>;
