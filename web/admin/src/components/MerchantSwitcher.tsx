import type { Membership } from '../api/types';
import { useSwitchMerchant } from '../session/useSession';
import { ErrorMessage } from './ErrorMessage';

/** Picks which merchant the session acts for, among those the person works for. */
export function MerchantSwitcher({ memberships, merchantId }: { memberships: Membership[]; merchantId: string | null }) {
  const switchMerchant = useSwitchMerchant();
  if (memberships.length < 2) return null;
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="merchant-switcher" className="text-sm text-slate-300">
        Merchant
      </label>
      <select
        id="merchant-switcher"
        className="rounded bg-slate-700 px-2 py-1 text-sm text-white"
        value={merchantId ?? ''}
        disabled={switchMerchant.isPending}
        onChange={(event) => switchMerchant.mutate(event.target.value)}
      >
        {memberships.map((membership) => (
          <option key={membership.merchantId} value={membership.merchantId}>
            {membership.merchantName} ({membership.role.name})
          </option>
        ))}
      </select>
      <ErrorMessage error={switchMerchant.error} label="Merchant switch failed" />
    </div>
  );
}
