import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createVault, keyIdOf, needsReseal, VaultError } from './vault.ts';

const secret = { apiToken: 'pd-secret-123', baseUrl: 'https://api.pipedrive.com' };
const context = 'connection:ws_1:con_1';

describe('vault', () => {
  it('round-trips a secret and never stores the plaintext', () => {
    const vault = createVault(randomBytes(32));
    const sealed = vault.seal(secret, context);
    expect(sealed.ciphertext).not.toContain('pd-secret-123');
    expect(sealed.keyId).toBe(vault.currentKeyId);
    expect(vault.open(sealed.ciphertext, context)).toEqual(secret);
  });

  it('uses a fresh IV for each seal', () => {
    const vault = createVault(randomBytes(32));
    expect(vault.seal(secret, context).ciphertext).not.toBe(vault.seal(secret, context).ciphertext);
  });

  it('fails loudly when any byte of the ciphertext changes', () => {
    const vault = createVault(randomBytes(32));
    const { ciphertext } = vault.seal(secret, context);
    const parts = ciphertext.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    for (let i = 0; i < body.length; i++) {
      const tampered = Buffer.from(body);
      tampered[i] = tampered[i]! ^ 0x01;
      const forged = [...parts.slice(0, 4), tampered.toString('base64url')].join('.');
      expect(() => vault.open(forged, context)).toThrow(VaultError);
    }
  });

  it('fails when the tag or IV is altered', () => {
    const vault = createVault(randomBytes(32));
    const parts = vault.seal(secret, context).ciphertext.split('.');
    const flip = (value: string) => {
      const bytes = Buffer.from(value, 'base64url');
      bytes[0] = bytes[0]! ^ 0xff;
      return bytes.toString('base64url');
    };
    expect(() => vault.open([parts[0], parts[1], flip(parts[2]!), parts[3], parts[4]].join('.'), context)).toThrow(/altered/);
    expect(() => vault.open([parts[0], parts[1], parts[2], flip(parts[3]!), parts[4]].join('.'), context)).toThrow(/altered/);
  });

  it('refuses a ciphertext moved to another row (context is bound)', () => {
    const vault = createVault(randomBytes(32));
    const { ciphertext } = vault.seal(secret, context);
    expect(() => vault.open(ciphertext, 'connection:ws_2:con_1')).toThrow(VaultError);
  });

  it('rotates keys: old secrets still open, new ones use the new key', () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = createVault(oldKey).seal(secret, context);
    const after = createVault(newKey, [oldKey]);
    expect(after.open(before.ciphertext, context)).toEqual(secret);
    expect(needsReseal(after, before.keyId)).toBe(true);
    const resealed = after.seal(secret, context);
    expect(resealed.keyId).toBe(keyIdOf(newKey));
    expect(needsReseal(after, resealed.keyId)).toBe(false);
  });

  it('names the missing key when a secret was sealed with a key that is gone', () => {
    const sealed = createVault(randomBytes(32)).seal(secret, context);
    expect(() => createVault(randomBytes(32)).open(sealed.ciphertext, context)).toThrow(/neither SECRETS_KEY nor in SECRETS_KEY_PREVIOUS/);
  });

  it('rejects malformed input and keys of the wrong size', () => {
    const vault = createVault(randomBytes(32));
    expect(() => vault.open('garbage', context)).toThrow(/malformed/);
    expect(() => createVault(randomBytes(16))).toThrow(/32 bytes/);
  });
});
