// Bounds how long a client may keep the server waiting for a request, and how much of an unwanted body it reads.
import type { ServerOptions } from 'node:http';
import { Socket } from 'node:net';
import type { Config } from '@switchyard/config';
import type { FastifyInstance } from 'fastify';

/** Server options: the whole request and its headers must arrive in time (Node answers 408 and closes otherwise). */
export function requestTimeouts(config: Config): { requestTimeout: number; http: ServerOptions } {
  return {
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
    http: {
      // The headers are part of the request: Node refuses a headers timeout longer than the request timeout.
      headersTimeout: Math.min(config.HTTP_HEADERS_TIMEOUT_MS, config.HTTP_REQUEST_TIMEOUT_MS),
      // Node checks both timeouts on this interval (30 s by default), which would let a stalled request outlive them.
      connectionsCheckingInterval: 1_000,
    },
  };
}

/**
 * While a request's body is arriving, a pause longer than `idleMs` closes the connection: a steady slow upload goes
 * on, a body that stops does not hold a socket. Once the body is in, the handler's own time is not limited here.
 */
export function guardBodies(app: FastifyInstance, idleMs: number) {
  app.addHook('onRequest', async (request) => {
    const { raw } = request;
    // Injected requests have no socket to time; a body already received needs no watch.
    if (!(raw.socket instanceof Socket) || raw.complete) return;
    const socket = raw.socket;
    socket.setTimeout(idleMs);
    raw.once('end', () => socket.setTimeout(app.server.timeout));
  });

  // An answer given before the body was read (unknown hook key, 429, 413) closes the connection instead of reading
  // the rest, which may be megabytes; a body that had fully arrived is discarded by Node and the connection kept.
  app.addHook('onSend', async (request, reply) => {
    if (request.raw.socket instanceof Socket && !request.raw.complete) reply.header('connection', 'close');
  });
}
