using Npgsql;
using UnifiedCommerce.Hosting;

namespace UnifiedCommerce.TestSupport;

/// <summary>
/// The one PostgreSQL cluster of a test process, started when a fixture first asks for databases. Its provisioned
/// databases (the services' and the bus) are kept as templates that nobody connects to; each fixture gets copies
/// of them under names of its own (CREATE DATABASE … TEMPLATE), and drops them when it ends.
/// </summary>
internal static class TestRunCluster
{
    /// <summary>Fixtures of one test process run side by side (xUnit runs collections in parallel), each with its
    /// own service processes and their connection pools.</summary>
    private const int MaxConnections = 500;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static TestCluster? _started;
    private static int _copies;

    public static readonly IReadOnlySet<string> Templates = new HashSet<string>([.. PlatformDatabases.Services, PlatformDatabases.Bus]);

    public static string CopyName(string database, string suffix) => $"{database}_{suffix}";

    public static async Task<(LocalPostgresCluster Cluster, string Suffix)> CopyDatabasesAsync()
    {
        // One copy at a time: CREATE DATABASE refuses a template that another session is connected to, copying it included.
        await Gate.WaitAsync();
        try
        {
            var cluster = (_started ??= await StartTemplatesAsync()).Cluster;
            var suffix = $"f{++_copies}";
            await using var admin = await OpenAdminAsync(cluster);
            foreach (var template in Templates)
            {
                var copy = CopyName(template, suffix);
                var service = template == PlatformDatabases.Bus ? null : template;
                var owner = service is null ? PlatformDatabases.Bus : PlatformDatabases.OwnerRole(service);
                var grants = service is null ? DatabaseProvisioner.BusDatabaseGrants(copy) : DatabaseProvisioner.ServiceDatabaseGrants(service, copy);
                // Apart: CREATE DATABASE refuses to run inside the implicit transaction of a multi-statement command.
                await ExecuteAsync(admin, $"CREATE DATABASE {copy} TEMPLATE {template} OWNER {owner}");
                await ExecuteAsync(admin, grants);
            }

            return (cluster, suffix);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task DropDatabasesAsync(string suffix)
    {
        var cluster = _started?.Cluster ?? throw new InvalidOperationException("No test cluster was started.");
        await using var admin = await OpenAdminAsync(cluster);
        foreach (var template in Templates)
        {
            var copy = CopyName(template, suffix);
            // The test process's own idle connections to the copy go first; FORCE ends any a service left behind.
            NpgsqlConnection.ClearPool(new NpgsqlConnection(cluster.ConnectionString(copy)));
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {copy} WITH (FORCE)");
        }
    }

    private static async Task<TestCluster> StartTemplatesAsync()
    {
        var started = await TestCluster.StartProvisionedAsync(MaxConnections);
        // Provisioning's pooled connections would keep the templates busy; closed, and no new ones are allowed.
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAdminAsync(started.Cluster);
        foreach (var template in Templates)
        {
            await ExecuteAsync(admin, $"ALTER DATABASE {template} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        }

        return started;
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync(LocalPostgresCluster cluster)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres")) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
