using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Identity.Application;

/// <summary>Identity owns merchants: it reads their standing from its own table, not from a copy.</summary>
public sealed class IdentityMerchantStatusReader(IdentityDbContext db, IMemoryCache cache) : IMerchantStatusReader
{
    public Task<bool> IsSuspendedAsync(Guid merchantId, CancellationToken cancellationToken) =>
        MerchantStatusCache.GetOrLoadAsync(cache, merchantId, () =>
            db.Merchants.AsNoTracking().AnyAsync(merchant => merchant.Id == merchantId && merchant.Status == MerchantStatus.Suspended, cancellationToken));
}
