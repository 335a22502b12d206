import { NextResponse, type NextRequest } from 'next/server';
import { channelsFromEnvironment, resolveChannel } from './lib/channels';
import { unknownStorePage } from './lib/unknown-store';

/**
 * Turns away requests for a host that no merchant is configured on, before any page renders:
 * they get a plain 404 page saying so, instead of an empty shell filled in by script.
 */
export function proxy(request: NextRequest) {
  if (resolveChannel(request.headers.get('host'), channelsFromEnvironment())) {
    return NextResponse.next();
  }
  return new NextResponse(unknownStorePage(), {
    status: 404,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export const config = {
  // Build assets are the same for every store; everything else belongs to one.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
