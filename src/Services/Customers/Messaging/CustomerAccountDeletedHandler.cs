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
        if (await db.IsProcessedAsync(deleted, cancellationToken))
        {
            logger.LogDebug("CustomerAccountDeleted {EventId} was already applied.", deleted.EventId);
            return;
        }

        await profiles.ApplyAccountDeletedAsync(deleted, cancellationToken);
        if (!await db.SaveProcessedAsync(deleted, cancellationToken))
        {
            logger.LogDebug("CustomerAccountDeleted {EventId} was applied by a concurrent delivery.", deleted.EventId);
        }
    }
}
