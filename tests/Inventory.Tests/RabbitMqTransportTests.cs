using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Inventory.Tests;

/// <summary>The same services and handlers, switched by configuration to RabbitMQ as the transport.</summary>
public sealed class RabbitMqPlatform : IAsyncLifetime
{
    public PlatformDatabase Database { get; } = new();
    public RabbitMqBroker Broker { get; private set; } = null!;
    public PlatformIdentity Identity { get; private set; } = null!;
    public ServiceProcess Catalog { get; private set; } = null!;
    public ServiceProcess? Inventory { get; private set; }

    public Dictionary<string, string> Settings => new()
    {
        ["Messaging__Transport"] = "rabbitmq",
        ["ConnectionStrings__rabbitmq"] = Broker.ConnectionString,
    };

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        try
        {
            Broker = await RabbitMqBroker.StartAsync();
            Identity = await PlatformIdentity.StartAsync(Database, Settings);
            Catalog = await ServiceProcess.StartAsync("Catalog", Database, Settings, Identity);
            await StartInventoryAsync();
        }
        catch
        {
            // A fixture that fails to start is never disposed: what did start (the cluster first) stops here.
            await DisposeStartedAsync();
            throw;
        }
    }

    public async Task StartInventoryAsync() => Inventory = await ServiceProcess.StartAsync("Inventory", Database, Settings, Identity);

    public async Task StopInventoryAsync()
    {
        if (Inventory is not null)
        {
            await Inventory.DisposeAsync();
            Inventory = null;
        }
    }

    public Task DisposeAsync() => DisposeStartedAsync();

    private async Task DisposeStartedAsync()
    {
        await StopInventoryAsync();
        if (Catalog is not null)
        {
            await Catalog.DisposeAsync();
        }

        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}

public sealed class RabbitMqTransportTests(RabbitMqPlatform platform) : IClassFixture<RabbitMqPlatform>
{
    [Fact]
    public async Task Catalog_events_reach_inventory_over_RabbitMQ_even_when_inventory_was_down()
    {
        var merchant = Guid.NewGuid();
        var live = await CreateProductAsync(merchant, "live");
        await StockRowsAsync(merchant, live, expected: 2);

        await platform.StopInventoryAsync();
        Guid queued;
        try
        {
            queued = await CreateProductAsync(merchant, "queued");
            await Eventually.TrueAsync(async () => await platform.Database.ScalarAsync<long>("catalog",
                "SELECT count(*) FROM outbox_messages WHERE merchant_id = @m AND dispatched_at IS NULL", ("m", merchant)) == 0,
                "the catalog hands the event to RabbitMQ");
        }
        finally
        {
            await platform.StartInventoryAsync();
        }

        await StockRowsAsync(merchant, queued, expected: 2);
    }

    private async Task<Guid> CreateProductAsync(Guid merchant, string slug)
    {
        var response = await platform.Catalog.AsMerchantAsync(HttpMethod.Put, $"/api/v1/products/{slug}", merchant, new
        {
            name = slug,
            isPublished = true,
            variants = new[]
            {
                new { sku = $"{slug}-{merchant:N}-1", title = "One", options = new Dictionary<string, string> { ["Variant"] = "One" }, priceAmount = 100, currency = "USD" },
                new { sku = $"{slug}-{merchant:N}-2", title = "Two", options = new Dictionary<string, string> { ["Variant"] = "Two" }, priceAmount = 100, currency = "USD" },
            },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await platform.Database.ScalarAsync<Guid>("catalog", "SELECT id FROM products WHERE merchant_id = @m AND slug = @s", ("m", merchant), ("s", slug));
    }

    private Task StockRowsAsync(Guid merchant, Guid productId, long expected) =>
        Eventually.TrueAsync(async () => await platform.Database.ScalarAsync<long>("inventory",
            "SELECT count(*) FROM stock_items WHERE merchant_id = @m AND product_id = @p", ("m", merchant), ("p", productId)) == expected,
            $"{expected} stock rows for product {productId}");
}
