import { NextResponse, type NextRequest } from 'next/server';
import { isStoreOpen, rememberingChannelResolver, type Channel } from './lib/channels';
import { CONTENT_SECURITY_POLICY, newNonce, NONCE_HEADER, securityHeaders, withSecurityHeaders } from './lib/security-headers';
import { continueWithFreshSession, usesAccessToken } from './lib/session-refresh';
import { storeErrorPage, suspendedStorePage, unknownStorePage } from './lib/store-status-pages';

// One memory per server process: each host is looked up at most once every few seconds.
const resolveChannel = rememberingChannelResolver();

function htmlResponse(html: string, status: number, headers: Record<string, string> = {}): NextResponse {
  return new NextResponse(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/**
 * Decides, before any page renders, whether there is a store to show on the request's host: an
 * unknown host, a suspended merchant or a failed lookup get a plain page with the matching status
 * instead of an empty shell filled in by script. Suspended stores thus never reach a catalog query.
 * Account pages also get the shopper's access token renewed here, where cookies can be written.
 * Every answer carries the security headers, with a nonce of its own for the page's scripts.
 */
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders(nonce);
  const answer = (response: NextResponse) => withSecurityHeaders(response, headers);

  const hostHeader = request.headers.get('host');
  let channel: Channel | null;
  try {
    channel = await resolveChannel(hostHeader);
  } catch {
    // The gateway client has logged the failure with its cause.
    console.error(`[proxy] could not look up the store for host ${JSON.stringify(hostHeader)}: answering 503`);
    return answer(htmlResponse(storeErrorPage(nonce), 503, { 'retry-after': '5' }));
  }

  if (!channel) return answer(htmlResponse(unknownStorePage(nonce), 404));
  if (!isStoreOpen(channel)) return answer(htmlResponse(suspendedStorePage(channel.merchant.name, nonce), 503));

  // The render reads the policy (Next takes the nonce for its own scripts from it) and the nonce.
  const renderHeaders = new Headers(request.headers);
  renderHeaders.set(NONCE_HEADER, nonce);
  renderHeaders.set(CONTENT_SECURITY_POLICY, headers[CONTENT_SECURITY_POLICY]);
  const response = NextResponse.next({ request: { headers: renderHeaders } });
  if (usesAccessToken(request.nextUrl.pathname)) await continueWithFreshSession(request, response);
  return answer(response);
}

export const config = {
  // Build assets are the same for every store, and the services' cache purge is about merchants, not a host; everything
  // else belongs to one store.
  matcher: ['/((?!_next/static|_next/image|api/cache/purge$).*)'],
};
