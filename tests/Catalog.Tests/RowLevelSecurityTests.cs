using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCommerce.Hosting;
using UnifiedCommerce.ServiceData;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// Beneath the query filters, PostgreSQL itself keeps merchants apart: a service's own login, with raw SQL and no
/// filter at all, sees and changes only the rows of the merchant its connection names, and none without one.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class RowLevelSecurityTests(CatalogPlatform platform)
{
    [Fact]
    public async Task Every_tenant_table_of_every_service_is_under_row_level_security()
    {
        var unprotected = new List<string>();
        foreach (var service in PlatformDatabases.Services)
        {
            await using DbContext db = service switch
            {
                "identity" => Identity.Data.DesignTimeDbContextFactory.Create("Host=unused"),
                "catalog" => Data.DesignTimeDbContextFactory.Create("Host=unused"),
                "inventory" => Inventory.Data.DesignTimeDbContextFactory.Create("Host=unused"),
                "customers" => Customers.Data.DesignTimeDbContextFactory.Create("Host=unused"),
                _ => throw new InvalidOperationException($"Unknown service {service}."),
            };
            var tables = TenantRowSecurity.TenantTables(db.Model);
            Assert.NotEmpty(tables);
            foreach (var table in tables)
            {
                var secured = await platform.Database.ScalarAsync<bool>(service,
                    "SELECT c.relrowsecurity AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) FROM pg_class c WHERE c.relname = @table",
                    ("table", table));
                if (!secured)
                {
                    unprotected.Add($"{service}.{table}");
                }
            }
        }

        Assert.True(unprotected.Count == 0, "Tenant tables without row-level security: " + string.Join(", ", unprotected));
    }

    [Fact]
    public async Task The_services_own_login_sees_only_the_merchant_its_connection_names()
    {
        var merchantA = await platform.NewMerchantWithCatalogAsync(productsInShirts: 2);
        var merchantB = await platform.NewMerchantWithCatalogAsync(productsInShirts: 3);
        await using var connection = new NpgsqlConnection(platform.Database.ServiceConnection("catalog"));
        await connection.OpenAsync();

        var withoutMerchant = await ScalarAsync<long>(connection, "SELECT count(*) FROM products");
        await ScalarAsync<string>(connection, $"SELECT set_config('{TenantRowSecurity.MerchantSetting}', '{merchantA}', false)");
        var seenAsA = await ScalarAsync<long>(connection, "SELECT count(*) FROM products");
        var ofBSeenAsA = await ScalarAsync<long>(connection, $"SELECT count(*) FROM products WHERE merchant_id = '{merchantB}'");
        var changedOfB = await ExecuteAsync(connection, $"UPDATE products SET name = 'Taken over' WHERE merchant_id = '{merchantB}'");
        var insertForB = await Record.ExceptionAsync(() => ExecuteAsync(connection,
            $"INSERT INTO categories (id, merchant_id, slug, name, sort_order) VALUES ('{Guid.NewGuid()}', '{merchantB}', 'planted', 'Planted', 0)"));

        Assert.Equal(0, withoutMerchant);
        Assert.Equal(3, seenAsA);
        Assert.Equal(0, ofBSeenAsA);
        Assert.Equal(0, changedOfB);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Assert.IsType<PostgresException>(insertForB).SqlState);
        Assert.Equal(4L, await platform.Database.ScalarAsync<long>("catalog",
            "SELECT count(*) FROM products WHERE merchant_id = @merchant AND name <> 'Taken over'", ("merchant", merchantB)));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
