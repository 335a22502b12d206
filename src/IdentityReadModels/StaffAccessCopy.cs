using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.IdentityReadModels;

/// <summary>
/// What a service knows of one staff member's access at one merchant, kept current from Identity's
/// StaffAccessChanged events: a copy in the service's own database, so no request waits on Identity.
/// </summary>
public sealed class StaffAccessState
{
    public Guid MerchantId { get; set; }
    public Guid AccountId { get; set; }
    public bool IsMember { get; set; }
    public List<string> Permissions { get; set; } = [];
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Reads the local copy. No copy yet (Identity's event is still on its way, or predates this service) leaves the
/// token's permissions as they are: every change after a token was issued arrives as an event.
/// </summary>
public sealed class LocalStaffAccessReader(TenantDbContext db) : IStaffAccessReader
{
    public async Task<IReadOnlySet<string>?> CurrentPermissionsAsync(Guid merchantId, Guid accountId, CancellationToken cancellationToken)
    {
        var state = await db.Set<StaffAccessState>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.MerchantId == merchantId && s.AccountId == accountId, cancellationToken);
        return state is null ? null : state.IsMember ? state.Permissions.ToHashSet() : new HashSet<string>();
    }
}

/// <summary>Keeps the local copy of staff access; the newest version wins, redeliveries change nothing.</summary>
public static class StaffAccessChangedHandler
{
    public static async Task Handle(StaffAccessChanged change, TenantDbContext db, ILogger<StaffAccessChanged> logger, CancellationToken cancellationToken)
    {
        // As for merchant standing: the row stays locked until the commit, so an older version never overwrites a newer one.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var copies = db.Set<StaffAccessState>();
        var state = await copies
            .FromSql($"SELECT * FROM staff_access WHERE merchant_id = {change.MerchantId} AND account_id = {change.AggregateId} FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            state = new StaffAccessState { MerchantId = change.MerchantId, AccountId = change.AggregateId };
            copies.Add(state);
        }
        else if (state.Version >= change.AggregateVersion)
        {
            logger.LogDebug("StaffAccessChanged {EventId} is not newer than version {Version}.", change.EventId, state.Version);
            return;
        }

        state.IsMember = change.IsMember;
        state.Permissions = [.. change.Permissions];
        state.Version = change.AggregateVersion;
        state.UpdatedAt = change.OccurredAt;
        if (await db.SaveProcessedAsync(change, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
