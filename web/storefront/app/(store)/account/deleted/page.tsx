import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountNotice } from '@/components/account-notice';

export const metadata: Metadata = { title: 'Account deleted' };

export default function AccountDeletedPage() {
  return (
    <AccountNotice title="Your account has been deleted">
      <p>You are signed out. You can still shop as a guest.</p>
      <Link href="/" className="inline-block font-medium text-brand-600 hover:text-brand-700">
        Back to the shop
      </Link>
    </AccountNotice>
  );
}
