using UnifiedCommerce.Contracts.Inventory;

using UnifiedCommerce.Messaging;

namespace UnifiedCommerce.Inventory.Messaging;

/// <summary>
/// Purges the public caches of the merchant's catalog once a stock change has committed, so shoppers see what is
/// available now. A repeated delivery purges again, which is harmless.
/// </summary>
public static class StockLevelChangedHandler
{
    public static Task Handle(StockLevelChanged change, PublicCachePurger purger, CancellationToken cancellationToken) =>
        purger.PurgeMerchantAsync(change.MerchantId, cancellationToken);
}
