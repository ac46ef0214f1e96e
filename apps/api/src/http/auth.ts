// Who is calling: a session cookie or a Bearer API key, resolved once per request; plus the CSRF guard for cookie sessions.
import { hasRole, id, type Role } from '@switchyard/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hashToken, SESSION_COOKIE } from '../auth/tokens.ts';
import type { Deps } from './deps.ts';
import { AppError, forbidden, notFound, unauthorized } from './errors.ts';

export type Principal =
  | { kind: 'session'; userId: string; email: string; sessionId: string }
  | { kind: 'apiKey'; apiKeyId: string; workspaceId: string; role: Role; userId: string; email: string };

export interface WorkspaceAccess {
  workspaceId: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Resolves (and caches) the caller; null when the request carries no valid credentials. */
    principal(): Promise<Principal | null>;
    /** The caller, or a 401. */
    requirePrincipal(): Promise<Principal>;
    /** The caller's access to the workspace in the URL, set by the workspace scope. */
    access: WorkspaceAccess;
  }
  interface FastifyContextConfig {
    /** The least role a route needs; GETs default to viewer, writes to editor. */
    minRole?: Role;
  }
}

const SESSION_TOUCH_MS = 60 * 60 * 1000;
const KEY_TOUCH_MS = 60 * 1000;

export const authPlugin = fp(async (app: FastifyInstance, deps: Deps) => {
  const prisma = deps.data.system;
  const cache = new WeakMap<FastifyRequest, Promise<Principal | null>>();

  async function resolve(request: FastifyRequest): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw unauthorized('The Authorization header must be "Bearer <api key>".');
      return resolveApiKey(match[1]!);
    }
    const cookie = request.cookies[SESSION_COOKIE];
    return cookie ? resolveSession(cookie) : null;
  }

  async function resolveSession(token: string): Promise<Principal | null> {
    const session = await prisma.session.findUnique({ where: { id: hashToken(token) }, include: { user: true } });
    if (!session || session.expiresAt.getTime() <= Date.now()) return null;
    if (Date.now() - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
      void prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } }).catch(() => undefined);
    }
    return { kind: 'session', userId: session.userId, email: session.user.email, sessionId: session.id };
  }

  async function resolveApiKey(token: string): Promise<Principal> {
    const key = await prisma.apiKey.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!key || key.revokedAt || !key.createdById) throw unauthorized('This API key is not valid (revoked or mistyped).');
    // A key acts for the member who made it: it stops working when they leave, and never exceeds their role.
    const keyWorkspace = deps.data.workspace(key.workspaceId);
    const creator = await keyWorkspace.membership.findFirst({ where: { userId: key.createdById }, include: { user: true } });
    if (!creator) throw unauthorized('This API key belonged to someone who is no longer a member of its workspace.');
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > KEY_TOUCH_MS) {
      void keyWorkspace.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
    }
    const role = hasRole(creator.role, key.role) ? key.role : creator.role;
    return { kind: 'apiKey', apiKeyId: key.id, workspaceId: key.workspaceId, role, userId: creator.userId, email: creator.user.email };
  }

  app.decorateRequest('principal', function (this: FastifyRequest) {
    let pending = cache.get(this);
    if (!pending) {
      pending = resolve(this);
      cache.set(this, pending);
    }
    return pending;
  });
  app.decorateRequest('requirePrincipal', async function (this: FastifyRequest) {
    const principal = await this.principal();
    if (!principal) throw unauthorized();
    return principal;
  });
  app.decorateRequest('access', null as unknown as WorkspaceAccess);

  const publicOrigin = new URL(deps.config.PUBLIC_URL).origin;
  // Cookie sessions ride along on cross-site requests; refuse writes a browser marks as coming from another site.
  app.addHook('onRequest', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    if (!request.url.startsWith('/api/')) return;
    if (!request.cookies[SESSION_COOKIE] || request.headers.authorization) return;
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const sameHost = origin !== undefined && safeHost(origin) === request.headers.host;
    if (site === 'cross-site' || (origin !== undefined && origin !== publicOrigin && !sameHost)) {
      throw new AppError(
        403,
        'csrf_rejected',
        'Cross-site requests with a session cookie are refused. Call the API from the Switchyard app or use an API key.',
      );
    }
  });
});

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Routes under /api/v1/workspaces/:ws: the caller must be a member (or hold a key of that workspace), or the
 * workspace does not exist for them (404). The route's minRole, or the method's default, is then enforced.
 */
export const workspaceScope = fp(async (app: FastifyInstance, deps: Deps) => {
  // Before validation: a stranger learns nothing about a workspace, not even which fields its routes want.
  app.addHook('preValidation', async (request) => {
    const params = request.params as { ws?: string };
    if (params.ws === undefined) return;
    const principal = await request.requirePrincipal();
    // Not even shaped like an id (a NUL, say, which PostgreSQL refuses): no such workspace, without asking the database.
    const access = id.safeParse(params.ws).success ? await accessTo(deps, principal, params.ws) : null;
    if (!access) throw notFound('Workspace');
    const needed = request.routeOptions.config.minRole ?? (request.method === 'GET' || request.method === 'HEAD' ? 'viewer' : 'editor');
    if (!hasRole(access.role, needed)) {
      throw forbidden(`This needs the ${needed} role or higher in this workspace; you are ${article(access.role)} ${access.role}.`);
    }
    request.access = access;
  });
});

async function accessTo(deps: Deps, principal: Principal, workspaceId: string): Promise<WorkspaceAccess | null> {
  if (principal.kind === 'apiKey') {
    return principal.workspaceId === workspaceId ? { workspaceId, role: principal.role } : null;
  }
  const membership = await deps.data.workspace(workspaceId).membership.findFirst({ where: { userId: principal.userId } });
  return membership ? { workspaceId, role: membership.role } : null;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
