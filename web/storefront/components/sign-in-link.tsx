import type { ReactNode } from 'react';

/**
 * A plain link to /account/sign-in: a route handler that leaves for Identity's sign-in page, which
 * the client router can neither prefetch nor render (and must not: each visit starts a sign-in).
 */
export function SignInLink({ className, children, testId }: { className?: string; children: ReactNode; testId?: string }) {
  return (
    // eslint-disable-next-line @next/next/no-html-link-for-pages -- a route handler, not a page
    <a href="/account/sign-in" data-testid={testId} className={className}>
      {children}
    </a>
  );
}
