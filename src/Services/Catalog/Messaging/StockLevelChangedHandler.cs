using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Contracts.Inventory;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Catalog.Messaging;

/// <summary>
/// Keeps the catalog's copy of each variant's stock (<see cref="Domain.VariantStock"/>) for the staff list's stock
/// filter. One statement that only moves forward: a repeated or late delivery (older than the copy) changes nothing.
/// </summary>
public static class StockLevelChangedHandler
{
    public static async Task Handle(StockLevelChanged change, MerchantContext merchant, CatalogDbContext db, CancellationToken cancellationToken)
    {
        merchant.Use(change.MerchantId);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO variant_stock (variant_id, merchant_id, product_id, quantity_available, as_of)
            VALUES ({change.VariantId}, {change.MerchantId}, {change.ProductId}, {change.QuantityAvailable}, {change.OccurredAt})
            ON CONFLICT (variant_id) DO UPDATE
            SET product_id = excluded.product_id, quantity_available = excluded.quantity_available, as_of = excluded.as_of
            WHERE variant_stock.as_of < excluded.as_of
            """, cancellationToken);
    }
}
