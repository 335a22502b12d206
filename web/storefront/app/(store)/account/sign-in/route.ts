import type { NextRequest } from 'next/server';
import { startSignIn } from '@/lib/sign-in';

export const dynamic = 'force-dynamic';

/** Sends the shopper to Identity's sign-in page; `?returnTo=/local/path` is where they come back to. */
export function GET(request: NextRequest) {
  return startSignIn(request);
}
