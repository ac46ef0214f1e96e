// Route-schema pieces every feature shares: the error replies documented on each route.
import { errorEnvelope } from '@switchyard/contracts';
import type { z } from 'zod';

const errorStatuses = [400, 401, 403, 404, 409, 422, 429] as const;

/** Adds the error envelope to a route's documented replies. */
export function replies<T extends Record<number, z.ZodType>>(success: T) {
  const errors = Object.fromEntries(errorStatuses.map((status) => [status, errorEnvelope])) as Record<(typeof errorStatuses)[number], typeof errorEnvelope>;
  return { ...errors, ...success };
}
