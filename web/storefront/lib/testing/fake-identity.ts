import { createHash, createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { json } from './fake-gateway';

export interface TokenRequest {
  path: string;
  form: Record<string, string>;
}

export type TokenAnswer = { status: number; body: unknown };

/**
 * A real HTTP server standing in for the Identity service in unit tests: OpenID Connect discovery
 * (with RFC 9207 issuer identification, as OpenIddict publishes it), its signing keys, a token and a
 * revocation endpoint. The authorize endpoint is the browser's business: tests build the callback.
 */
export interface FakeIdentity {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** The issuer identifier Identity names itself with, e.g. http://127.0.0.1:41234/ */
  readonly issuer: string;
  /** Token and revocation requests since the last reset, oldest first. */
  readonly received: TokenRequest[];
  /** An RS256 id_token signed with Identity's key; the claims are added to sensible defaults. */
  idToken(claims: Record<string, unknown>): string;
  /** How the token endpoint answers the next requests. */
  answerTokens(answer: (request: TokenRequest) => TokenAnswer): void;
  reset(): void;
  close(): Promise<void>;
}

export const STOREFRONT_CLIENT_ID = 'storefront';

/** `publicUrl`: the base URL Identity publishes as its issuer (browsers' view); by default its own address. */
export async function startFakeIdentity({ publicUrl }: { publicUrl?: string } = {}): Promise<FakeIdentity> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url');
  const received: TokenRequest[] = [];
  const unconfigured = (): TokenAnswer => ({ status: 500, body: { error: 'server_error' } });
  let answer: (request: TokenRequest) => TokenAnswer = unconfigured;
  let url = '';
  let issuer = '';

  const reply = (response: ServerResponse, status: number, body: unknown) => json(response, status, body);

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', url).pathname;
      if (request.method === 'GET' && path === '/.well-known/openid-configuration') {
        return reply(response, 200, {
          issuer,
          authorization_endpoint: `${issuer}connect/authorize`,
          token_endpoint: `${issuer}connect/token`,
          revocation_endpoint: `${issuer}connect/revoke`,
          end_session_endpoint: `${issuer}connect/endsession`,
          jwks_uri: `${issuer}.well-known/jwks`,
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code', 'refresh_token'],
          code_challenge_methods_supported: ['plain', 'S256'],
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
          authorization_response_iss_parameter_supported: true,
        });
      }
      if (request.method === 'GET' && path === '/.well-known/jwks') {
        return reply(response, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] });
      }
      if (request.method === 'POST' && (path === '/connect/token' || path === '/connect/revoke')) {
        const entry = { path, form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) };
        received.push(entry);
        if (path === '/connect/revoke') {
          response.writeHead(200).end();
          return;
        }
        const { status, body } = answer(entry);
        return reply(response, status, body);
      }
      reply(response, 404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = `${publicUrl ?? url}/`;

  const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  return {
    url,
    issuer,
    received,
    idToken(claims) {
      const now = Math.floor(Date.now() / 1000);
      const header = base64url({ alg: 'RS256', typ: 'JWT', kid });
      const payload = base64url({
        iss: issuer,
        aud: STOREFRONT_CLIENT_ID,
        azp: STOREFRONT_CLIENT_ID,
        sub: randomUUID(),
        iat: now,
        exp: now + 600,
        ...claims,
      });
      const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey).toString('base64url');
      return `${header}.${payload}.${signature}`;
    },
    answerTokens(responder) {
      answer = responder;
    },
    reset() {
      received.length = 0;
      answer = unconfigured;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
