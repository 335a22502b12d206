using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.TenantIsolation.Tests;

/// <summary>
/// The whole platform as processes: a private PostgreSQL, Identity, Catalog, Inventory and Customers joined by the
/// message bus, and the gateway in front of them. Two merchants, A and B, each with an API client, an owner, a
/// shopper and data in every service.
/// </summary>
public sealed class SweptPlatform : IAsyncLifetime
{
    public PlatformDatabase Database { get; } = new();
    public PlatformIdentity Identity { get; private set; } = null!;
    public ServiceProcess Catalog { get; private set; } = null!;
    public ServiceProcess Inventory { get; private set; } = null!;
    public ServiceProcess Customers { get; private set; } = null!;
    public GatewayProcess Gateway { get; private set; } = null!;
    public Store A { get; private set; } = null!;
    public Store B { get; private set; } = null!;

    /// <summary>Every service by the name its subgraph has in the supergraph (lower case, like its database).</summary>
    public IReadOnlyDictionary<string, ServiceProcess> Services { get; private set; } = new Dictionary<string, ServiceProcess>();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Identity = await PlatformIdentity.StartAsync(Database);
        Task<ServiceProcess>[] starting =
        [
            ServiceProcess.StartAsync("Catalog", Database, identity: Identity),
            ServiceProcess.StartAsync("Inventory", Database, identity: Identity),
            ServiceProcess.StartAsync("Customers", Database, identity: Identity),
        ];
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(task => task.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        (Catalog, Inventory, Customers) = (starting[0].Result, starting[1].Result, starting[2].Result);
        Services = new Dictionary<string, ServiceProcess>
        {
            ["identity"] = Identity.Process,
            ["catalog"] = Catalog,
            ["inventory"] = Inventory,
            ["customers"] = Customers,
        };

        var gateway = GatewayProcess.StartAsync(Services);
        var a = Store.OpenAsync(this, "A");
        var b = Store.OpenAsync(this, "B");
        Gateway = await gateway;
        A = await a;
        B = await b;
    }

    public async Task DisposeAsync()
    {
        // Whatever failed to start, stop what did.
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        foreach (var service in new[] { Customers, Inventory, Catalog })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }

        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SweptPlatformCollection : ICollectionFixture<SweptPlatform>
{
    public const string Name = "swept platform";
}
