using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.IdentityReadModels;

/// <summary>
/// What a service knows of a merchant's standing, kept current from Identity's MerchantChanged events: a copy
/// in the service's own database, so no request waits on another service.
/// </summary>
public sealed class MerchantState
{
    public Guid MerchantId { get; set; }
    public bool IsSuspended { get; set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Reads the local copy through the shared two-second cache.</summary>
public sealed class LocalMerchantStatusReader(TenantDbContext db, IMemoryCache cache) : IMerchantStatusReader
{
    public Task<bool> IsSuspendedAsync(Guid merchantId, CancellationToken cancellationToken) =>
        MerchantStatusCache.GetOrLoadAsync(cache, merchantId, () =>
            db.Set<MerchantState>().AsNoTracking()
                .Where(state => state.MerchantId == merchantId)
                .Select(state => state.IsSuspended)
                .FirstOrDefaultAsync(cancellationToken));
}

/// <summary>Keeps the local copy of merchant standing; the newest version wins, redeliveries change nothing.</summary>
public static class MerchantChangedHandler
{
    public static async Task Handle(MerchantChanged change, TenantDbContext db, ILogger<MerchantChanged> logger, CancellationToken cancellationToken)
    {
        // Two versions can be delivered at once: the row stays locked from this read to the commit, so the older
        // one waits and then sees the newer version instead of overwriting it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var copies = db.Set<MerchantState>();
        var state = await copies.FromSql($"SELECT * FROM merchant_states WHERE merchant_id = {change.MerchantId} FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            state = new MerchantState { MerchantId = change.MerchantId };
            copies.Add(state);
        }
        else if (state.Version >= change.AggregateVersion)
        {
            logger.LogDebug("MerchantChanged {EventId} is not newer than version {Version}.", change.EventId, state.Version);
            return;
        }

        state.IsSuspended = change.IsSuspended;
        state.Version = change.AggregateVersion;
        state.UpdatedAt = change.OccurredAt;
        if (await db.SaveProcessedAsync(change, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
