// "Waiting for a request": for a few minutes a zap's catch hook keeps what arrives as test data, even while the zap is off.
import type { Redis } from '@switchyard/queue';

export const LISTEN_SECONDS = 300;

const listenKey = (prefix: string, zapId: string) => `${prefix}:listen:${zapId}`;

export async function startListening(redis: Redis, prefix: string, zapId: string): Promise<Date> {
  await redis.set(listenKey(prefix, zapId), '1', 'EX', LISTEN_SECONDS);
  return new Date(Date.now() + LISTEN_SECONDS * 1000);
}

export async function isListening(redis: Redis, prefix: string, zapId: string): Promise<boolean> {
  return (await redis.exists(listenKey(prefix, zapId))) === 1;
}
