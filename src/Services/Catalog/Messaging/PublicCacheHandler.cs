using UnifiedCommerce.Contracts.Identity;

using UnifiedCommerce.Messaging;

namespace UnifiedCommerce.Catalog.Messaging;

/// <summary>
/// Asks for the public caches of a merchant's catalog to be purged when its standing changes: a suspended store's
/// catalog must stop being served. (Catalog's own changes purge as their events are relayed, see
/// <see cref="PublicCachePurgingSetup"/>.) Requests for one merchant coalesce into one purge per round (see
/// <see cref="PublicCachePurger"/>).
/// </summary>
public static class PublicCacheHandler
{
    public static void Handle(MerchantChanged change, PublicCachePurger purger) => purger.Request(change.MerchantId);
}
