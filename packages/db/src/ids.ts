// Time-ordered, prefixed, unguessable ids: `run_01JD...`. Id order is creation order, which cursors and indexes rely on.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

let lastTime = 0;
let lastRandom: Uint8Array = new Uint8Array(10);

// Random bytes drawn in blocks: one call to the system generator per 409 ids instead of one per id (ids are a hot path).
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;
function random10(): Uint8Array {
  if (offset + 10 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  offset += 10;
  return pool.subarray(offset - 10, offset);
}

/** A 26-character ULID-style id (48-bit ms time + 80 random bits) behind a short prefix naming what it is. */
export function newId(prefix: string): string {
  const now = Date.now();
  let random: Uint8Array;
  if (now === lastTime) {
    // Same millisecond: increment the random part so ids made in one process stay strictly ordered.
    random = increment(lastRandom);
  } else {
    random = random10();
  }
  lastTime = now;
  lastRandom = random;
  return `${prefix}_${encodeTime(now)}${encodeRandom(random)}`;
}

function encodeTime(time: number): string {
  let out = '';
  let value = time;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let buffer = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

function increment(bytes: Uint8Array): Uint8Array {
  const next = new Uint8Array(bytes);
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i] === 255) {
      next[i] = 0;
    } else {
      next[i] = (next[i] ?? 0) + 1;
      break;
    }
  }
  return next;
}

/** A random url-safe token of `bytes` bytes of entropy (hook keys, session tokens, API keys). */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
