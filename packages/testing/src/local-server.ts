// Test support: a throwaway HTTP server on 127.0.0.1 and a socket opener that can only reach loopback.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildConnector } from 'undici';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface LocalServer {
  port: number;
  origin: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

export type Handler = (request: ReceivedRequest, response: ServerResponse) => void;

export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      handler(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isLoopbackLiteral(address: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(address) || address === '::1' || /^::ffff:127\./i.test(address);
}

/**
 * A connector for tests that records every address dialled and refuses all but loopback, so a
 * broken guard can never send a packet off this machine.
 */
export function loopbackOnlyConnector(dialled: string[] = []): buildConnector.connector {
  const base = buildConnector({ timeout: 2_000 });
  return (options, callback) => {
    dialled.push(options.hostname);
    if (!isLoopbackLiteral(options.hostname)) {
      callback(new Error(`test safety net: refused to dial ${options.hostname}`), null);
      return;
    }
    base(options, callback);
  };
}
