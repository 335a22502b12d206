import type { NextRequest } from 'next/server';
import { signOut } from '@/lib/sign-in';

export const dynamic = 'force-dynamic';

/** POST only: a sign-out link could be triggered by any page that embeds it. */
export function POST(request: NextRequest) {
  return signOut(request);
}
