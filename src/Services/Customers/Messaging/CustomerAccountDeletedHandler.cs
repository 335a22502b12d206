using Microsoft.Extensions.Logging;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Customers.Application;
using UnifiedCommerce.Customers.Data;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Customers.Messaging;

/// <summary>Deletes the profile of a shopper who deleted their account, and keeps it deleted.</summary>
public static class CustomerAccountDeletedHandler
{
    public static async Task Handle(
        CustomerAccountDeleted deleted,
        MerchantContext merchant,
        CustomersDbContext db,
        CustomerProfiles profiles,
        ILogger<CustomerAccountDeleted> logger,
        CancellationToken cancellationToken)
    {
        merchant.Use(deleted.MerchantId);
        // A shopper's sign-up and account deletion may be handled at the same moment: one waits for the other.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await profiles.LockAccountAsync(deleted.AggregateId, cancellationToken);
        if (await db.IsProcessedAsync(deleted, cancellationToken))
        {
            logger.LogDebug("CustomerAccountDeleted {EventId} was already applied.", deleted.EventId);
            return;
        }

        await profiles.ApplyAccountDeletedAsync(deleted, cancellationToken);
        if (await db.SaveProcessedAsync(deleted, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            logger.LogDebug("CustomerAccountDeleted {EventId} was applied by a concurrent delivery.", deleted.EventId);
        }
    }
}
