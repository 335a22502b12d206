using Microsoft.Extensions.Logging;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Customers.Application;
using UnifiedCommerce.Customers.Data;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Customers.Messaging;

/// <summary>Gives every shopper who signs up a profile, once, however often the event is delivered.</summary>
public static class CustomerRegisteredHandler
{
    public static async Task Handle(
        CustomerRegistered registered,
        MerchantContext merchant,
        CustomersDbContext db,
        CustomerProfiles profiles,
        ILogger<CustomerRegistered> logger,
        CancellationToken cancellationToken)
    {
        merchant.Use(registered.MerchantId);
        // A shopper's sign-up and account deletion may be handled at the same moment: one waits for the other.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await profiles.LockAccountAsync(registered.AggregateId, cancellationToken);
        if (await db.IsProcessedAsync(registered, cancellationToken))
        {
            logger.LogDebug("CustomerRegistered {EventId} was already applied.", registered.EventId);
            return;
        }

        await profiles.ApplyRegisteredAsync(registered, cancellationToken);
        if (await db.SaveProcessedAsync(registered, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            logger.LogDebug("CustomerRegistered {EventId} was applied by a concurrent delivery.", registered.EventId);
        }
    }
}
