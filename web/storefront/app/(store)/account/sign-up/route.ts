import type { NextRequest } from 'next/server';
import { startSignIn } from '@/lib/sign-in';

export const dynamic = 'force-dynamic';

/** Like sign-in, but Identity opens on its "Create account" page (prompt=create). */
export function GET(request: NextRequest) {
  return startSignIn(request, 'create');
}
