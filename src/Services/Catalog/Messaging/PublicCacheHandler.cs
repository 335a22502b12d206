using UnifiedCommerce.Contracts.Catalog;
using UnifiedCommerce.Contracts.Identity;

using UnifiedCommerce.Messaging;

namespace UnifiedCommerce.Catalog.Messaging;

/// <summary>
/// Asks for the public caches of a merchant's catalog to be purged once a change has committed: a product (its prices,
/// its publication), a category, a collection, or the merchant's standing (a suspended store's catalog must stop being
/// served). Requests for one merchant coalesce into one purge per round (see <see cref="PublicCachePurger"/>).
/// </summary>
public static class PublicCacheHandler
{
    public static void Handle(ProductChanged change, PublicCachePurger purger) => purger.Request(change.MerchantId);

    public static void Handle(CategoryChanged change, PublicCachePurger purger) => purger.Request(change.MerchantId);

    public static void Handle(CollectionChanged change, PublicCachePurger purger) => purger.Request(change.MerchantId);

    public static void Handle(MerchantChanged change, PublicCachePurger purger) => purger.Request(change.MerchantId);
}
