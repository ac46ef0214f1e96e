// Routes: sign up, log in, log out, and who am I.
import { loginBody, me, signupBody, signupReply, user, workspaceWithRole } from '@switchyard/contracts';
import { cookieSecure } from '@switchyard/config';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { replies } from '../http/schemas.ts';
import { createWorkspaceService } from '../workspaces/service.ts';
import { createAuthService, type NewSession } from './service.ts';
import { SESSION_COOKIE } from './tokens.ts';

export const authRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const auth = createAuthService(deps);
  const workspaces = createWorkspaceService(deps.data);
  const secure = cookieSecure(deps.config);

  const setSessionCookie = (reply: FastifyReply, session: NewSession) =>
    reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: session.expiresAt });

  app.post(
    '/api/v1/auth/signup',
    { schema: { tags: ['accounts'], summary: 'Create an account and its first workspace', body: signupBody, response: replies({ 201: signupReply }) } },
    async (request, reply) => {
      const result = await auth.signup(request.body);
      setSessionCookie(reply, result.session);
      return reply.status(201).send({ user: result.user, workspace: result.workspace });
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Log in; sets the session cookie',
        body: loginBody,
        response: replies({ 200: z.object({ user, workspaces: z.array(workspaceWithRole) }) }),
      },
    },
    async (request, reply) => {
      const result = await auth.login(request.body, request.ip);
      setSessionCookie(reply, result.session);
      return { user: result.user, workspaces: result.workspaces };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['accounts'], summary: 'End the session', response: replies({ 204: z.null() }) } },
    async (request, reply) => {
      const principal = await request.principal();
      if (principal?.kind === 'session') await auth.logout(principal.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
      return reply.status(204).send(null);
    },
  );

  app.get('/api/v1/me', { schema: { tags: ['accounts'], summary: 'The caller and their workspaces', response: replies({ 200: me }) } }, async (request) => {
    const principal = await request.requirePrincipal();
    const user = principal.kind === 'apiKey' ? { id: principal.userId, email: principal.email } : await auth.user(principal.userId);
    return { user, workspaces: await workspaces.visibleTo(principal) };
  });
};
