import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountNotice } from '@/components/account-notice';
import { requireStoreContext } from '@/lib/request-context';
import type { SignInProblem } from '@/lib/sign-in';
import { SignInLink } from '@/components/sign-in-link';

export const metadata: Metadata = { title: 'Sign-in did not work' };

const MESSAGES: Record<SignInProblem, (brand: string) => string> = {
  expired: () => 'Signing in took too long or was started in another window. Please try again.',
  denied: () => 'Signing in was cancelled.',
  failed: () => 'We could not sign you in. Please try again.',
  'wrong-store': (brand) => `This account belongs to another store. Sign in with your ${brand} account.`,
  unavailable: () => 'Signing in is not available right now. Please try again in a moment.',
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ reason?: string | string[] }> }) {
  const [{ reason }, store] = await Promise.all([searchParams, requireStoreContext()]);
  const problem = typeof reason === 'string' && reason in MESSAGES ? (reason as SignInProblem) : 'failed';
  return (
    <AccountNotice title="Sign-in did not work">
      <p data-testid="sign-in-problem">{MESSAGES[problem](store.brand)}</p>
      <div className="flex items-center justify-center gap-6">
        <SignInLink className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Try again
        </SignInLink>
        <Link href="/" className="font-medium text-brand-600 hover:text-brand-700">
          Back to the shop
        </Link>
      </div>
    </AccountNotice>
  );
}
