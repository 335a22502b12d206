import type { Metadata } from 'next';
import type { ReactNode } from 'react';

// Personal pages: rendered per request from the session cookie, never cached or indexed.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  robots: { index: false, follow: false },
};

export default function AccountLayout({ children }: { children: ReactNode }) {
  return children;
}
