using UnifiedCommerce.Contracts.Catalog;
using UnifiedCommerce.Contracts.Identity;

using UnifiedCommerce.Messaging;

namespace UnifiedCommerce.Catalog.Messaging;

/// <summary>
/// Purges the public caches of a merchant's catalog once a change has committed: a product (its prices, its
/// publication), a category, a collection, or the merchant's standing (a suspended store's catalog must stop being
/// served). A repeated delivery purges again, which is harmless.
/// </summary>
public static class PublicCacheHandler
{
    public static Task Handle(ProductChanged change, PublicCachePurger purger, CancellationToken cancellationToken) =>
        purger.PurgeMerchantAsync(change.MerchantId, cancellationToken);

    public static Task Handle(CategoryChanged change, PublicCachePurger purger, CancellationToken cancellationToken) =>
        purger.PurgeMerchantAsync(change.MerchantId, cancellationToken);

    public static Task Handle(CollectionChanged change, PublicCachePurger purger, CancellationToken cancellationToken) =>
        purger.PurgeMerchantAsync(change.MerchantId, cancellationToken);

    public static Task Handle(MerchantChanged change, PublicCachePurger purger, CancellationToken cancellationToken) =>
        purger.PurgeMerchantAsync(change.MerchantId, cancellationToken);
}
