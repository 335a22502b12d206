using Npgsql;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Hosting.Tests;

/// <summary>
/// The fixtures of a test run share one cluster, each with copies of the provisioned databases: a copy must carry
/// the platform's rights (which belong to the database, not its contents) and hold only its own fixture's rows.
/// </summary>
public sealed class TestDatabaseCopyTests
{
    [Fact]
    public async Task A_copy_lets_in_only_the_roles_the_platform_lets_in()
    {
        var database = new PlatformDatabase();
        await database.InitializeAsync();
        try
        {
            Assert.Null(await ConnectRefusalAsync(database.ServiceConnection("catalog")));
            Assert.Null(await ConnectRefusalAsync(database.BusConnection("inventory")));
            // The catalog's login on Identity's database, and on the bus as itself rather than as its bus role.
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await ConnectRefusalAsync(
                database.Cluster.ConnectionString(database.DatabaseName("identity"), PlatformDatabases.AppRole("catalog"))));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await ConnectRefusalAsync(
                database.Cluster.ConnectionString(database.DatabaseName(PlatformDatabases.Bus), PlatformDatabases.AppRole("catalog"))));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_fixtures_on_the_shared_cluster_see_only_their_own_rows_and_a_dropped_copy_is_gone()
    {
        var first = new PlatformDatabase();
        var second = new PlatformDatabase();
        await first.InitializeAsync();
        await second.InitializeAsync();
        try
        {
            Assert.Equal(first.Cluster.Port, second.Cluster.Port);
            Assert.NotEqual(first.DatabaseName("catalog"), second.DatabaseName("catalog"));
            await first.ExecuteAsync("catalog", "CREATE TABLE fixture_probe (id int); INSERT INTO fixture_probe VALUES (1)");

            Assert.Equal(1L, await first.ScalarAsync<long>("catalog", "SELECT count(*) FROM fixture_probe"));
            Assert.Equal(0L, await second.ScalarAsync<long>("catalog", "SELECT count(*) FROM pg_class WHERE relname = 'fixture_probe'"));
        }
        finally
        {
            await second.DisposeAsync();
        }

        try
        {
            Assert.Equal(0L, await first.ScalarAsync<long>("postgres", "SELECT count(*) FROM pg_database WHERE datname = @name",
                ("name", second.DatabaseName("catalog"))));
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    private static async Task<string?> ConnectRefusalAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync();
            return null;
        }
        catch (PostgresException refusal)
        {
            return refusal.SqlState;
        }
    }
}
