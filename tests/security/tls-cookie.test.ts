// Behind TLS (PUBLIC_URL https://...), the session cookie is Secure and responses ask browsers for HTTPS only.
import { randomBytes } from 'node:crypto';
import { startStack, type Stack } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, sessionCookie, Transcript } from '../support/api-client.ts';

let stack: Stack;
let api: ApiClient;
const transcript = new Transcript();
const password = `pw-tls-${randomBytes(12).toString('hex')}`;

beforeAll(async () => {
  // The API itself still listens on plain http, as it does behind a TLS-terminating proxy; only PUBLIC_URL says https.
  stack = await startStack({ workers: 0, env: { PUBLIC_URL: 'https://switchyard.example' } });
  api = new ApiClient(stack.url, transcript);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe('session cookies behind TLS', () => {
  it('signup, login and logout set the session cookie with Secure, HttpOnly and SameSite=Lax, and replies carry HSTS', async () => {
    const signup = await api.post('/api/v1/auth/signup', { email: 'tls@security.example', password, workspaceName: 'TLS' });
    expect(signup.status).toBe(201);
    const login = await api.post('/api/v1/auth/login', { email: 'tls@security.example', password });
    expect(login.status).toBe(200);
    const logout = await api.as({ cookie: sessionCookie(login).cookie }).post('/api/v1/auth/logout');
    expect(logout.status).toBe(204);
    for (const reply of [signup, login, logout]) {
      const cookie = reply.headers['set-cookie'] ?? '';
      expect(cookie, reply.exchange.path).toMatch(/^sy_session=/);
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
      expect(reply.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    }
    // Neither the password nor a session token reached the log.
    const output = stack.api.output.join('\n');
    expect(output).not.toContain(password);
    expect(output).not.toContain(sessionCookie(signup).token);
    expect(output).not.toContain(sessionCookie(login).token);
  });
});
