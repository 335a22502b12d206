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
        if (await db.IsProcessedAsync(registered, cancellationToken))
        {
            logger.LogDebug("CustomerRegistered {EventId} was already applied.", registered.EventId);
            return;
        }

        await profiles.ApplyRegisteredAsync(registered, cancellationToken);
        if (!await db.SaveProcessedAsync(registered, cancellationToken))
        {
            logger.LogDebug("CustomerRegistered {EventId} was applied by a concurrent delivery.", registered.EventId);
        }
    }
}
