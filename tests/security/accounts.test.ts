// Findings 7 and 8 of the adversarial test, through a running API: no lockout by a stranger's wrong passwords, and no
// common or guessable password at signup.
import { startStack, type Stack } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, Transcript } from '../support/api-client.ts';

let stack: Stack;
let api: ApiClient;

beforeAll(async () => {
  // Behind a proxy the address is the X-Forwarded-For one, which lets one test be an attacker and the owner.
  stack = await startStack({ workers: 0, env: { TRUST_PROXY: 'true' } });
  api = new ApiClient(stack.url, new Transcript());
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

const post = (path: string, body: unknown, address = '192.0.2.1') => api.request('POST', path, body, { 'x-forwarded-for': address });

describe('accounts under attack', () => {
  it('refuses "password" and "12345678" at signup, saying why', async () => {
    for (const password of ['password', '12345678']) {
      const reply = await post('/api/v1/auth/signup', { email: `weak-${password}@security.example`, password, workspaceName: 'Weak' });
      expect(reply.status).toBe(422);
      expect(reply.body.error.code).toBe('weak_password');
      expect(reply.body.error.message).toContain('This password is too easy to guess.');
    }
  });

  it("20 wrong passwords from an attacker's address slow that address and leave the owner's login working", async () => {
    const owner = { email: 'owner@security.example', password: 'tangerine lighthouse quarry' };
    expect((await post('/api/v1/auth/signup', { ...owner, workspaceName: 'Owned' }, '198.51.100.2')).status).toBe(201);

    const replies = [];
    for (let i = 0; i < 20; i++) replies.push(await post('/api/v1/auth/login', { email: owner.email, password: `guess ${i}` }, '203.0.113.66'));
    expect(replies.map((reply) => reply.status)).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
    expect(replies[5]!.headers['retry-after']).toBe('1');
    expect(replies[5]!.body.error.message).toMatch(/^5 wrong passwords for this account from your address: wait 1 second/);

    const owners = await post('/api/v1/auth/login', owner, '198.51.100.2');
    expect(owners.status).toBe(200);
  });
});
