using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UnifiedCommerce.Contracts.Catalog;
using UnifiedCommerce.Inventory.Application;
using UnifiedCommerce.Inventory.Data;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Inventory.Messaging;

/// <summary>
/// Gives every new catalog variant a stock row, exactly once per event however often it is delivered. Changes
/// arrive in batches (<see cref="InventoryMessaging"/>): an import of ten thousand products is a few dozen reads
/// and commits here, not ten thousand of each. Each merchant's changes are applied in a scope of their own, so
/// row-level security and the query filters act for that merchant alone.
/// </summary>
public static class ProductChangedHandler
{
    public static async Task Handle(
        ProductChanged[] changes,
        IServiceScopeFactory scopes,
        ILogger<ProductChanged> logger,
        CancellationToken cancellationToken)
    {
        foreach (var merchantChanges in changes.GroupBy(change => change.MerchantId))
        {
            if (!await ApplyAsync(scopes, merchantChanges.Key, merchantChanges.ToList(), cancellationToken))
            {
                // Another delivery of one of them committed first: one at a time, each keeps or drops itself.
                logger.LogDebug("A batch of ProductChanged met a concurrent delivery; applying its events one by one.");
                foreach (var change in merchantChanges)
                {
                    await ApplyAsync(scopes, change.MerchantId, [change], cancellationToken);
                }
            }
        }
    }

    /// <summary>True when the changes (those not applied before) are saved; false when a concurrent delivery won.</summary>
    private static async Task<bool> ApplyAsync(
        IServiceScopeFactory scopes, Guid merchantId, IReadOnlyCollection<ProductChanged> changes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantContext>().Use(merchantId);
        var db = scope.ServiceProvider.GetRequiredService<InventoryDbContext>();
        var fresh = await db.UnprocessedAsync(changes, cancellationToken);
        if (fresh.Count == 0)
        {
            return true;
        }

        await scope.ServiceProvider.GetRequiredService<StockLevels>().ApplyProductChangesAsync(fresh, cancellationToken);
        return await db.SaveProcessedAsync(fresh, cancellationToken);
    }
}
