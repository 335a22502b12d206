using Microsoft.Extensions.Logging;
using UnifiedCommerce.Contracts.Catalog;
using UnifiedCommerce.Inventory.Application;
using UnifiedCommerce.Inventory.Data;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Inventory.Messaging;

/// <summary>Gives every new catalog variant a stock row, exactly once per event however often it is delivered.</summary>
public static class ProductChangedHandler
{
    public static async Task Handle(
        ProductChanged change,
        MerchantContext merchant,
        InventoryDbContext db,
        StockLevels stock,
        ILogger<ProductChanged> logger,
        CancellationToken cancellationToken)
    {
        merchant.Use(change.MerchantId);
        if (await db.IsProcessedAsync(change, cancellationToken))
        {
            logger.LogDebug("ProductChanged {EventId} was already applied.", change.EventId);
            return;
        }

        await stock.ApplyProductChangedAsync(change, cancellationToken);
        if (!await db.SaveProcessedAsync(change, cancellationToken))
        {
            logger.LogDebug("ProductChanged {EventId} was applied by a concurrent delivery.", change.EventId);
        }
    }
}
