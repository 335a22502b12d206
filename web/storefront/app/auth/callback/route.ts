import type { NextRequest } from 'next/server';
import { finishSignIn } from '@/lib/sign-in';

export const dynamic = 'force-dynamic';

/** Identity's redirect after sign-in or sign-up: `?code&state`, or `?error` when it did not work out. */
export function GET(request: NextRequest) {
  return finishSignIn(request);
}
