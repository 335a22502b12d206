import type { Metadata } from 'next';
import { AccountNotice } from '@/components/account-notice';
import { SignInLink } from '@/components/sign-in-link';

export const metadata: Metadata = { title: 'Password changed' };

export default function PasswordChangedPage() {
  return (
    <AccountNotice title="Password changed">
      <p>You have been signed out everywhere. Sign in again with your new password.</p>
      <SignInLink className="inline-block font-medium text-brand-600 hover:text-brand-700">Sign in</SignInLink>
    </AccountNotice>
  );
}
