using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Inventory.Tests;

/// <summary>
/// Inventory learns about catalog variants from ProductChanged events: exactly once, in order, and without loss
/// when either service is down or crashes at the worst moment.
/// </summary>
[Collection(InventoryCollection.Name)]
public sealed class StockFollowsTheCatalogTests(InventoryPlatform platform)
{
    [Fact]
    public async Task A_new_product_gets_a_stock_row_per_variant_at_the_default_location()
    {
        var merchant = Guid.NewGuid();
        var (productId, variants) = await platform.CreateProductAsync(merchant, "lamp");

        foreach (var variant in variants)
        {
            var stock = await platform.StockArrivesAsync(merchant, variant);
            Assert.Equal(0, (int)stock["onHand"]!);
            Assert.Equal(productId, Guid.Parse((string)stock["productId"]!));
        }
    }

    [Fact]
    public async Task A_product_created_while_inventory_is_down_gets_its_stock_once_inventory_is_back()
    {
        var merchant = Guid.NewGuid();
        await platform.StopInventoryAsync();
        try
        {
            var (_, variants) = await platform.CreateProductAsync(merchant, "tent");
            await Eventually.TrueAsync(async () => await platform.PendingOutboxAsync(merchant) == 0, "the catalog hands the event to the bus");
            Assert.Equal(0L, await platform.Database.ScalarAsync<long>("inventory", "SELECT count(*) FROM stock_items WHERE merchant_id = @m", ("m", merchant)));
        }
        finally
        {
            await platform.StartInventoryAsync();
        }

        Assert.Equal(2L, await Eventually.GetAsync(
            async () => await platform.Database.ScalarAsync<long>("inventory", "SELECT count(*) FROM stock_items WHERE merchant_id = @m", ("m", merchant)) is 2 ? 2L : 0L,
            "stock rows after Inventory restarts"));
    }

    [Fact]
    public async Task An_event_committed_just_before_a_crash_is_delivered_after_the_restart()
    {
        var merchant = Guid.NewGuid();
        // The relay is held back, so the crash lands after the commit and before any delivery.
        await platform.RestartCatalogAsync(new Dictionary<string, string> { ["Messaging__Outbox__RelayEnabled"] = "false" });
        Guid[] variants;
        try
        {
            (_, variants) = await platform.CreateProductAsync(merchant, "stove");
            Assert.Equal(1L, await platform.PendingOutboxAsync(merchant));
        }
        finally
        {
            await platform.RestartCatalogAsync(crash: true);
        }

        await platform.StockArrivesAsync(merchant, variants[0]);
        await platform.StockArrivesAsync(merchant, variants[1]);
        // The relay marks the event sent as its batch commits, which may come a moment after delivery.
        await Eventually.TrueAsync(async () => await platform.PendingOutboxAsync(merchant) == 0, "the restarted relay marks the event sent");
    }

    private const string DuplicatesCounter = "messaging_events_duplicates_total";
    private const string ProductChangedLabel = "event_type=\"ProductChanged\"";

    [Fact]
    public async Task A_redelivered_event_is_applied_once()
    {
        var merchant = Guid.NewGuid();
        var (productId, variants) = await platform.CreateProductAsync(merchant, "kettle");
        await platform.StockArrivesAsync(merchant, variants[0]);
        var counted = await platform.Inventory.AsMerchantAsync(HttpMethod.Put, $"/api/v1/stock/{variants[0]}", merchant, new { productId, onHand = 7 });
        Assert.True(counted.IsSuccessStatusCode);
        var eventId = await platform.Database.ScalarAsync<Guid>("catalog", "SELECT id FROM outbox_messages WHERE merchant_id = @m", ("m", merchant));

        // As if the relay crashed after sending and before marking the row: the same event goes out again.
        var duplicatesBefore = await ServiceMetrics.CounterAsync(platform.Inventory.Http, DuplicatesCounter, ProductChangedLabel);
        await platform.Database.ExecuteAsync("catalog", "UPDATE outbox_messages SET dispatched_at = NULL WHERE id = @id", ("id", eventId));
        await Eventually.TrueAsync(async () => await platform.PendingOutboxAsync(merchant) == 0, "the event is sent again");
        await ServiceMetrics.CountedAsync(platform.Inventory.Http, DuplicatesCounter, ProductChangedLabel, duplicatesBefore, "Inventory drops the redelivery");

        Assert.Equal(1L, await platform.Database.ScalarAsync<long>("inventory", "SELECT count(*) FROM processed_events WHERE event_id = @id", ("id", eventId)));
        Assert.Equal(2L, await platform.Database.ScalarAsync<long>("inventory", "SELECT count(*) FROM stock_items WHERE merchant_id = @m", ("m", merchant)));
        Assert.Equal(7, (int)(await platform.StockAsync(merchant, variants[0]))!["onHand"]!);
    }

    [Fact]
    public async Task A_late_older_event_does_not_undo_a_newer_one()
    {
        var merchant = Guid.NewGuid();
        var (_, variants) = await platform.CreateProductAsync(merchant, "rug", price: 1000);
        await platform.CreateProductAsync(merchant, "rug", price: 2000);
        await Eventually.TrueAsync(async () => await platform.Database.ScalarAsync<long>("inventory",
            "SELECT min(catalog_version) FROM stock_items WHERE merchant_id = @m", ("m", merchant)) == 2, "version 2 is applied");

        var firstEvent = await platform.Database.ScalarAsync<Guid>("catalog",
            "SELECT id FROM outbox_messages WHERE merchant_id = @m ORDER BY occurred_at LIMIT 1", ("m", merchant));
        // As if version 1 were first delivered only now, after version 2: only the version check can stop it.
        await platform.Database.ExecuteAsync("inventory", "DELETE FROM processed_events WHERE event_id = @id", ("id", firstEvent));
        await platform.Database.ExecuteAsync("catalog", "UPDATE outbox_messages SET dispatched_at = NULL WHERE id = @id", ("id", firstEvent));
        await Eventually.TrueAsync(async () => await platform.Database.ScalarAsync<long>("inventory",
            "SELECT count(*) FROM processed_events WHERE event_id = @id", ("id", firstEvent)) == 1, "the old event arrives again");
        // The processed marker commits with whatever the handler did, so the outcome is final now.

        Assert.Equal(2L, await platform.Database.ScalarAsync<long>("inventory",
            "SELECT min(catalog_version) FROM stock_items WHERE variant_id = @v", ("v", variants[0])));
    }

    [Fact]
    public async Task Changes_of_two_merchants_and_two_versions_of_one_product_arriving_together_each_land_in_their_own_store()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var (_, firstVariants) = await platform.CreateProductAsync(first, "stool", price: 1000);
        await platform.CreateProductAsync(first, "stool", price: 1200);
        var (_, secondVariants) = await platform.CreateProductAsync(second, "bench");
        var ids = await EventIdsAsync(first, second);
        Assert.Equal(3, ids.Length);
        await Eventually.TrueAsync(async () => await platform.Database.ScalarAsync<long>("inventory",
            "SELECT count(*) FROM processed_events WHERE event_id = ANY(@ids)", ("ids", ids)) == 3, "the three events are applied");

        // As if Inventory had never seen them: all three are sent again at once, so they arrive in one batch.
        await platform.Database.ExecuteAsync("inventory", "DELETE FROM processed_events WHERE event_id = ANY(@ids)", ("ids", ids));
        await platform.Database.ExecuteAsync("inventory", "DELETE FROM stock_items WHERE merchant_id IN (@a, @b)", ("a", first), ("b", second));
        await platform.Database.ExecuteAsync("catalog", "UPDATE outbox_messages SET dispatched_at = NULL WHERE id = ANY(@ids)", ("ids", ids));
        await Eventually.TrueAsync(async () => await platform.Database.ScalarAsync<long>("inventory",
            "SELECT count(*) FROM processed_events WHERE event_id = ANY(@ids)", ("ids", ids)) == 3, "the three events are applied again");

        Assert.Equal((long)firstVariants.Length, await platform.Database.ScalarAsync<long>("inventory",
            "SELECT count(*) FROM stock_items WHERE merchant_id = @m AND catalog_version = 2", ("m", first)));
        Assert.Equal((long)secondVariants.Length, await platform.Database.ScalarAsync<long>("inventory",
            "SELECT count(*) FROM stock_items WHERE merchant_id = @m AND catalog_version = 1", ("m", second)));
        Assert.Equal((long)(firstVariants.Length + secondVariants.Length), await platform.Database.ScalarAsync<long>("inventory",
            "SELECT count(*) FROM stock_items WHERE merchant_id IN (@a, @b)", ("a", first), ("b", second)));
    }

    private async Task<Guid[]> EventIdsAsync(Guid first, Guid second) =>
        await platform.Database.ScalarAsync<Guid[]>("catalog",
            "SELECT array_agg(id) FROM outbox_messages WHERE merchant_id IN (@a, @b) AND message_type LIKE '%ProductChanged'",
            ("a", first), ("b", second)) ?? [];
}
