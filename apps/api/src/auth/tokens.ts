// Opaque bearer secrets (session cookies, API keys): random tokens stored only as their SHA-256.
import { createHash } from 'node:crypto';
import { randomToken } from '@switchyard/db';

export const SESSION_COOKIE = 'sy_session';
export const API_KEY_PREFIX = 'sy_';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function newSessionToken(): string {
  return randomToken(32);
}

export function newApiKeyToken(): string {
  return `${API_KEY_PREFIX}${randomToken(32)}`;
}
