using Npgsql;
using UnifiedCommerce.Contracts;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Hosting.Tests;

/// <summary>
/// On the message bus each service logs in as its own role: it may send only the events it publishes, to the
/// queues of their subscribers, and never forge another service's events, read its queue or drop it.
/// </summary>
public sealed class BusRoleTests(PrivateClusterDatabase database) : IClassFixture<PrivateClusterDatabase>
{
    private const string Queues = "wolverine_queues";

    [Fact]
    public async Task Catalog_cannot_forge_an_identity_event_into_the_customers_queue()
    {
        var refused = await RefusalAsync(EventRoutes.Catalog,
            $"INSERT INTO {Queues}.wolverine_queue_customers (id, body, message_type) VALUES (@id, @body, @type)",
            ("id", Guid.NewGuid()), ("body", "{}"u8.ToArray()), ("type", typeof(CustomerAccountDeleted).FullName!));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused);
    }

    [Fact]
    public async Task Catalog_cannot_schedule_a_forged_event_for_the_customers_queue()
    {
        var refused = await RefusalAsync(EventRoutes.Catalog,
            $"INSERT INTO {Queues}.wolverine_queue_customers_scheduled (id, body, message_type, execution_time) VALUES (@id, @body, @type, now())",
            ("id", Guid.NewGuid()), ("body", "{}"u8.ToArray()), ("type", typeof(CustomerAccountDeleted).FullName!));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused);
    }

    [Theory]
    [InlineData("DELETE FROM wolverine_queues.wolverine_queue_customers")]
    [InlineData("DELETE FROM wolverine_queues.wolverine_queue_inventory")]
    [InlineData("SELECT count(*) FROM wolverine_queues.wolverine_queue_inventory")]
    [InlineData("DROP TABLE wolverine_queues.wolverine_queue_customers")]
    [InlineData("DROP TABLE wolverine_queues.wolverine_queue_inventory_scheduled")]
    [InlineData("TRUNCATE wolverine_queues.wolverine_queue_identity")]
    [InlineData("CREATE TABLE wolverine_queues.wolverine_queue_rogue (id uuid)")]
    [InlineData("DROP SCHEMA customers CASCADE")]
    public async Task Catalog_cannot_read_empty_or_drop_another_services_queue(string sql)
    {
        var refused = await RefusalAsync(EventRoutes.Catalog, sql);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused);
    }

    [Fact]
    public async Task Catalog_can_still_send_product_changes_to_inventory_and_receive_on_its_own_queue()
    {
        await using var connection = new NpgsqlConnection(database.BusConnection(EventRoutes.Catalog));
        await connection.OpenAsync();
        var id = Guid.NewGuid();
        await ExecuteAsync(connection, $"INSERT INTO {Queues}.wolverine_queue_inventory (id, body, message_type) VALUES (@id, @body, 'probe')",
            ("id", id), ("body", "{}"u8.ToArray()));
        await ExecuteAsync(connection, $"INSERT INTO {Queues}.wolverine_queue_catalog (id, body, message_type) VALUES (@id, @body, 'probe')",
            ("id", id), ("body", "{}"u8.ToArray()));
        await ExecuteAsync(connection, $"DELETE FROM {Queues}.wolverine_queue_catalog WHERE id = @id", ("id", id));

        Assert.Equal(1L, await database.ScalarAsync<long>(PlatformDatabases.Bus,
            $"SELECT count(*) FROM {Queues}.wolverine_queue_inventory WHERE id = @id", ("id", id)));
        await database.ExecuteAsync(PlatformDatabases.Bus, $"DELETE FROM {Queues}.wolverine_queue_inventory WHERE id = @id", ("id", id));
    }

    [Fact]
    public async Task Provisioning_an_existing_bus_hands_each_services_schema_to_its_own_role()
    {
        // A data folder from before per-service bus roles: the service's schema and its tables belong to bus.
        await database.ExecuteAsync(PlatformDatabases.Bus, """
            ALTER SCHEMA inventory OWNER TO bus;
            CREATE TABLE inventory.wolverine_earlier_envelopes (id uuid PRIMARY KEY);
            ALTER TABLE inventory.wolverine_earlier_envelopes OWNER TO bus;
            """);

        await Operations.ProvisionCommand.ProvisionAsync(database.Cluster, _ => { }, CancellationToken.None);

        Assert.Equal("inventory_bus", await database.ScalarAsync<string>(PlatformDatabases.Bus,
            "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'inventory'"));
        Assert.Equal("inventory_bus", await database.ScalarAsync<string>(PlatformDatabases.Bus,
            "SELECT tableowner FROM pg_tables WHERE schemaname = 'inventory' AND tablename = 'wolverine_earlier_envelopes'"));
    }

    private async Task<string?> RefusalAsync(string service, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.BusConnection(service));
        await connection.OpenAsync();
        try
        {
            await ExecuteAsync(connection, sql, parameters);
            return null;
        }
        catch (PostgresException refusal)
        {
            return refusal.SqlState;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
