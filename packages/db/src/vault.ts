// The credential vault: AES-256-GCM with a key id beside each secret, so keys rotate without re-encrypting at once.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface Sealed {
  ciphertext: string;
  keyId: string;
}

export interface Vault {
  /** The id of the key new secrets are sealed with. */
  readonly currentKeyId: string;
  /** Encrypts `value` (JSON) bound to `context` (e.g. the owning workspace and row), which must be given again to open it. */
  seal(value: unknown, context: string): Sealed;
  /** Decrypts a sealed value; throws VaultError if the key is unknown or the ciphertext or context was tampered with. */
  open<T = unknown>(ciphertext: string, context: string): T;
}

export class VaultError extends Error {
  override readonly name = 'VaultError';
}

/** A key's id: a fingerprint, so operators never name keys and a wrong key is recognised before decryption. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('switchyard-vault-key:').update(key).digest('hex').slice(0, 16);
}

/** `current` seals new secrets; `previous` keys still open what they sealed. */
export function createVault(current: Buffer, previous: Buffer[] = []): Vault {
  for (const key of [current, ...previous]) {
    if (key.length !== 32) throw new VaultError('vault keys must be 32 bytes');
  }
  const keys = new Map<string, Buffer>();
  for (const key of [current, ...previous]) keys.set(keyIdOf(key), key);
  const currentKeyId = keyIdOf(current);

  return {
    currentKeyId,
    seal(value, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      const ciphertext = [VERSION, currentKeyId, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
      return { ciphertext, keyId: currentKeyId };
    },
    open<T>(ciphertext: string, context: string): T {
      const parts = ciphertext.split('.');
      if (parts.length !== 5 || parts[0] !== VERSION) throw new VaultError('sealed secret is malformed');
      const [, keyId, iv, tag, body] = parts as [string, string, string, string, string];
      const key = keys.get(keyId);
      if (!key) {
        throw new VaultError(`secret was sealed with key ${keyId}, which is neither SECRETS_KEY nor in SECRETS_KEY_PREVIOUS`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
        return JSON.parse(plain.toString('utf8')) as T;
      } catch {
        throw new VaultError('secret failed authentication: it was altered, or opened with the wrong context');
      }
    },
  };
}

/** The context a connection's credentials are sealed under: ties the ciphertext to its workspace and row. */
export function connectionContext(workspaceId: string, connectionId: string): string {
  return `connection:${workspaceId}:${connectionId}`;
}

/** The context a hook's signing secret is sealed under. */
export function hookContext(workspaceId: string, hookId: string): string {
  return `hook:${workspaceId}:${hookId}`;
}

/** Whether a sealed secret should be re-sealed under the current key (key rotation). */
export function needsReseal(vault: Vault, keyId: string): boolean {
  return keyId !== vault.currentKeyId;
}
