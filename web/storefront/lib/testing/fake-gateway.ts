import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: { operationName?: string; query?: string; variables?: Record<string, unknown> };
}

export type Responder = (response: ServerResponse, request: ReceivedRequest) => void;

/** A real HTTP server standing in for the gateway in unit tests: each test says how it answers. */
export interface FakeGateway {
  /** GraphQL endpoint, e.g. http://127.0.0.1:41234/graphql */
  readonly url: string;
  /** Requests received since the last reset, oldest first. */
  readonly received: ReceivedRequest[];
  answer(responder: Responder): void;
  reset(): void;
  close(): Promise<void>;
}

export function json(response: ServerResponse, status: number, payload: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(payload));
}

export async function startFakeGateway(): Promise<FakeGateway> {
  const received: ReceivedRequest[] = [];
  const unconfigured: Responder = (response) => json(response, 500, { errors: [{ message: 'no answer configured' }] });
  let respond = unconfigured;

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const entry: ReceivedRequest = {
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: text ? JSON.parse(text) : {},
      };
      received.push(entry);
      respond(response, entry);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received,
    answer(responder) {
      respond = responder;
    },
    reset() {
      received.length = 0;
      respond = unconfigured;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The URL of a port nobody listens on, for "gateway unreachable" cases. */
export async function unusedGatewayUrl(): Promise<string> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}
