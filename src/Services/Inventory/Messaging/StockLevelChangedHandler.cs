using UnifiedCommerce.Contracts.Inventory;

using UnifiedCommerce.Messaging;

namespace UnifiedCommerce.Inventory.Messaging;

/// <summary>
/// Asks for the public caches of the merchant's catalog to be purged once a stock change has committed, so shoppers see
/// what is available now. Requests for one merchant coalesce into one purge per round (see <see cref="PublicCachePurger"/>).
/// </summary>
public static class StockLevelChangedHandler
{
    public static void Handle(StockLevelChanged change, PublicCachePurger purger) => purger.Request(change.MerchantId);
}
