import { describe, expect, it } from 'vitest';
import { ConfigError, cookieSecure, decodeKey, loadConfig } from './index.ts';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/switchyard',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
  PUBLIC_URL: 'http://localhost:3000/',
};

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('accepts a complete environment and applies defaults', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
    expect(config.HOOK_MAX_BODY_BYTES).toBe(10 * 1024 * 1024);
    expect(config.POLL_MIN_INTERVAL_MS).toBe(60_000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names a missing setting in one line with a hint', () => {
    const message = errorOf({ ...valid, DATABASE_URL: '' });
    expect(message).toMatch(/^Invalid configuration: DATABASE_URL is not set: set it to a PostgreSQL URL/);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('names every malformed setting at once', () => {
    const message = errorOf({ ...valid, PORT: 'eighty', REDIS_URL: 'http://x', SECRETS_KEY: 'short' });
    expect(message).toContain('PORT');
    expect(message).toContain('REDIS_URL must be a URL starting with redis:// or rediss://');
    expect(message).toContain('SECRETS_KEY must be 32 random bytes');
  });

  it('rejects an out-of-range number', () => {
    expect(errorOf({ ...valid, PORT: '70000' })).toContain('PORT');
  });

  it('rejects a malformed previous key list', () => {
    expect(errorOf({ ...valid, SECRETS_KEY_PREVIOUS: `${valid.SECRETS_KEY},nope` })).toContain('SECRETS_KEY_PREVIOUS');
  });

  it('sets the Secure cookie flag automatically behind https', () => {
    expect(cookieSecure(loadConfig(valid))).toBe(false);
    expect(cookieSecure(loadConfig({ ...valid, PUBLIC_URL: 'https://zaps.example.com' }))).toBe(true);
    expect(cookieSecure(loadConfig({ ...valid, COOKIE_SECURE: 'true' }))).toBe(true);
  });
});

describe('decodeKey', () => {
  it('decodes hex and base64 32-byte keys and refuses other lengths', () => {
    expect(decodeKey('ab'.repeat(32))?.length).toBe(32);
    expect(decodeKey(Buffer.alloc(32, 1).toString('base64'))?.length).toBe(32);
    expect(decodeKey(Buffer.alloc(16, 1).toString('base64'))).toBeNull();
  });
});

describe('.env.example', () => {
  it('documents every setting, and nothing that is not one', async () => {
    const { readFile } = await import('node:fs/promises');
    const { configSchema } = await import('./index.ts');
    const text = await readFile(new URL('../../../.env.example', import.meta.url), 'utf8');
    const documented = [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(configSchema.shape).sort());
  });
});
