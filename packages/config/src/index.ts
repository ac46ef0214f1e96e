// Switchyard's settings: read once from the environment at start, validated, and frozen.
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A 32-byte AES key written as 64 hex characters or as base64. */
const secretKey = z.string().refine((value) => decodeKey(value) !== null, {
  message: 'must be 32 random bytes written as 64 hex characters or base64 (generate one with: openssl rand -base64 32)',
});

const urlWithScheme = (schemes: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return schemes.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${schemes.map((s) => `${s}//`).join(' or ')}` },
  );

/** Every setting, its default and its meaning. `.env.example` documents the same list. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: urlWithScheme(['postgres:', 'postgresql:']),
  REDIS_URL: urlWithScheme(['redis:', 'rediss:']),
  SECRETS_KEY: secretKey,
  SECRETS_KEY_PREVIOUS: z
    .string()
    .default('')
    .refine((value) => splitList(value).every((key) => decodeKey(key) !== null), {
      message: 'must be a comma-separated list of 32-byte keys (hex or base64)',
    }),
  PUBLIC_URL: urlWithScheme(['http:', 'https:']).transform((value) => value.replace(/\/+$/, '')),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: int(1, 65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  SESSION_TTL_HOURS: int(1, 24 * 365).default(24 * 30),
  LOGIN_FREE_FAILURES: int(1, 1_000).default(5),
  LOGIN_MAX_DELAY_SECONDS: int(1, 86_400).default(900),
  LOGIN_ADDRESS_MAX_FAILURES: int(1, 100_000).default(100),
  LOGIN_WINDOW_SECONDS: int(1, 86_400).default(3600),
  WEB_DIST_DIR: z.string().default(''),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'may contain letters, digits, _ and - only')
    .default('switchyard'),
  API_RATE_PER_MINUTE: int(1, 10_000_000).default(6000),
  API_MAX_EVENT_LOOP_DELAY_MS: int(0, 60_000).default(1000),
  API_OVERLOAD_RETRY_AFTER_SECONDS: int(1, 3600).default(5),
  HOOK_MAX_BODY_BYTES: int(1024, 100 * 1024 * 1024).default(10 * 1024 * 1024),
  HOOK_RATE_PER_SECOND: int(1, 1_000_000).default(5000),
  HOOK_NOT_FOUND_PER_MINUTE: int(1, 1_000_000).default(60),
  HTTP_HEADERS_TIMEOUT_MS: int(1_000, 600_000).default(10_000),
  HTTP_BODY_IDLE_TIMEOUT_MS: int(500, 600_000).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: int(1_000, 3_600_000).default(120_000),
  INTAKE_MAX_IN_FLIGHT: int(1, 64).default(2),
  WORKER_CONCURRENCY: int(1, 10_000).default(64),
  WORKSPACE_MAX_CONCURRENT_RUNS: int(1, 100_000).default(32),
  POLL_MIN_INTERVAL_MS: int(100, 86_400_000).default(60_000),
  OUTBOUND_ALLOW: z.string().default(''),
  HTTP_TIMEOUT_MS: int(100, 600_000).default(30_000),
  CODE_MEMORY_MB: int(8, 1024).default(64),
  CODE_TIMEOUT_MS: int(10, 120_000).default(5_000),
  CODE_MAX_OUTPUT_BYTES: int(1024, 64 * 1024 * 1024).default(1024 * 1024),
  CODE_MAX_LOG_LINES: int(0, 100_000).default(200),
  CODE_MAX_FETCHES: int(0, 1000).default(10),
  RUN_RETENTION_DAYS: int(1, 3650).default(30),
  ZAP_MAX_CONSECUTIVE_FAILURES: int(0, 100_000).default(20),
  WORKER_METRICS_PORT: int(0, 65535).default(0),
  JOB_LOCK_MS: int(1_000, 600_000).default(30_000),
  SWEEP_INTERVAL_MS: int(100, 600_000).default(5_000),
  SWEEP_QUEUED_AFTER_MS: int(100, 3_600_000).default(10_000),
  CONNECTOR_MODULES: z.string().default(''),
  SHUTDOWN_TIMEOUT_MS: int(100, 600_000).default(20_000),
});

export type Config = Readonly<z.output<typeof configSchema>>;

/** Raised when the environment does not hold a usable configuration; its message is one line per bad setting. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the configuration. Throws ConfigError naming every missing or malformed setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    // An empty assignment (FOO=) means "not set", as in most .env tooling.
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? 'config');
      const missing = input[key] === undefined;
      return missing ? `${key} is not set: ${describeMissing(key)}` : `${key} ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration: ${[...new Set(lines)].join('; ')}`);
  }
  return Object.freeze(parsed.data);
}

/** For process entry points: the configuration, or its one-line problem on stderr and exit code 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

function describeMissing(key: string): string {
  const hints: Record<string, string> = {
    DATABASE_URL: 'set it to a PostgreSQL URL, e.g. postgres://postgres@127.0.0.1:5432/switchyard',
    REDIS_URL: 'set it to a Redis URL, e.g. redis://127.0.0.1:6379',
    SECRETS_KEY: 'set it to 32 random bytes in base64 (openssl rand -base64 32)',
    PUBLIC_URL: 'set it to the URL users reach Switchyard at, e.g. http://localhost:3000',
  };
  return hints[key] ?? 'see .env.example';
}

/** Decodes a 32-byte key from 64 hex characters or base64; null when it is neither. */
export function decodeKey(value: string): Buffer | null {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed, 'base64');
    if (bytes.length === 32) return bytes;
  }
  return null;
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Whether session cookies carry the Secure flag: always behind https, never on plain http unless forced. */
export function cookieSecure(config: Config): boolean {
  if (config.COOKIE_SECURE === 'auto') return config.PUBLIC_URL.startsWith('https:');
  return config.COOKIE_SECURE === 'true';
}
