using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Hosting;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Operations;

/// <summary>Roles, databases, migrations and row-level security, in that order, before any service starts. Safe to repeat.</summary>
public static class ProvisionCommand
{
    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cluster = ClusterFromEnvironment();
        Console.WriteLine($"Waiting for PostgreSQL on 127.0.0.1:{cluster.Port}");
        await cluster.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), cancellationToken);
        await ProvisionAsync(cluster, Console.WriteLine, cancellationToken);
        return 0;
    }

    /// <summary>Also what the integration tests run against their own cluster.</summary>
    public static async Task ProvisionAsync(LocalPostgresCluster cluster, Action<string> log, CancellationToken cancellationToken)
    {
        await new DatabaseProvisioner(cluster).ProvisionAsync(log, cancellationToken);
        await BusQueueProvisioner.ProvisionAsync(cluster, cancellationToken);

        foreach (var service in PlatformDatabases.Services)
        {
            var ownerConnection = cluster.ConnectionString(service, PlatformDatabases.OwnerRole(service));
            await using var db = ServiceDbContext(service, ownerConnection);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            log(pending.Count == 0
                ? $"{service}: schema is current"
                : $"{service}: applying {pending.Count} migration(s): {string.Join(", ", pending)}");
            await db.Database.MigrateAsync(cancellationToken);
            await TenantRowSecurity.ApplyAsync(db, cancellationToken);
        }

        log("Databases are ready.");
    }

    /// <summary>The DbContext, with its migrations, of the service that owns <paramref name="service"/>'s database.</summary>
    public static DbContext ServiceDbContext(string service, string connectionString) => service switch
    {
        "identity" => Identity.Data.DesignTimeDbContextFactory.Create(connectionString),
        "catalog" => Catalog.Data.DesignTimeDbContextFactory.Create(connectionString),
        "inventory" => Inventory.Data.DesignTimeDbContextFactory.Create(connectionString),
        "customers" => Customers.Data.DesignTimeDbContextFactory.Create(connectionString),
        _ => throw new InvalidOperationException($"No migrations are known for '{service}'."),
    };

    /// <summary>COMMERCE_DATA_DIR and COMMERCE_POSTGRES_PORT locate the cluster; the AppHost and the tests set both.</summary>
    public static LocalPostgresCluster ClusterFromEnvironment() => new(
        Environment.GetEnvironmentVariable("COMMERCE_DATA_DIR") ?? throw new InvalidOperationException("COMMERCE_DATA_DIR is not set."),
        int.Parse(Environment.GetEnvironmentVariable("COMMERCE_POSTGRES_PORT") ?? "55432", System.Globalization.CultureInfo.InvariantCulture));
}
