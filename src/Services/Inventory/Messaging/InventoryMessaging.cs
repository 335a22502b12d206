using JasperFx.Core;
using UnifiedCommerce.Contracts.Catalog;
using Wolverine;

namespace UnifiedCommerce.Inventory.Messaging;

/// <summary>What Inventory's messaging adds to the shared setup (<see cref="UnifiedCommerce.Messaging.MessagingSetup"/>).</summary>
public static class InventoryMessaging
{
    /// <summary>
    /// Catalog changes are handled in batches of up to 500, gathered for at most 100 ms: a burst (an import) costs a
    /// read and a commit per batch. The members stay unsettled in the durable inbox until their batch commits, so a
    /// crash loses none; one batch runs at a time, so no two batches race for the same product's rows.
    /// </summary>
    public static void BatchCatalogChanges(WolverineOptions options) =>
        options.BatchMessagesOf<ProductChanged>(batching =>
        {
            batching.BatchSize = 500;
            batching.TriggerTime = 100.Milliseconds();
        }).Sequential();
}
