using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using UnifiedCommerce.Hosting;
using UnifiedCommerce.Operations;
using Xunit;

namespace UnifiedCommerce.TestSupport;

/// <summary>
/// A real PostgreSQL cluster of the test run's own: created in a temporary folder, provisioned and migrated
/// exactly as `./commerce up` does, and stopped (fast shutdown) when the tests end.
/// </summary>
public sealed class PlatformDatabase : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"commerce-tests-{Guid.NewGuid():N}");
    private Process? _server;

    public LocalPostgresCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        // The postgres OS user must be able to reach the data folder (mkdtemp-style folders are private).
        File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        // A test cluster lives for one run and is thrown away: it skips flushing to disk (fsync, full page writes,
        // synchronous commit), which only matters when the machine crashes. The platform's own cluster is durable.
        Cluster = new LocalPostgresCluster(_root, FreePort(), durable: false);
        Cluster.EnsureInitialized();
        _server = await Cluster.StartAsync();
        // A fixture whose start fails is never disposed, and a test run may be cut short: the cluster still stops
        // when the test process ends, rather than outliving it.
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
        await ProvisionCommand.ProvisionAsync(Cluster, _ => { }, CancellationToken.None);
    }

    private void StopOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (_server is { HasExited: false } server)
            {
                server.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        if (_server is not null)
        {
            await LocalPostgresCluster.StopAsync(_server);
            _server.Dispose();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process; the temporary folder is cleaned by the OS later.
        }
    }

    /// <summary>A folder of this run's own, thrown away with the cluster: where services keep files (Catalog's media).</summary>
    public string FilesDirectory(string name) => Path.Combine(_root, "files", name);

    /// <summary>What a service logs in as: its app role on its own database.</summary>
    public string ServiceConnection(string service) => Cluster.ConnectionString(service, PlatformDatabases.AppRole(service));

    /// <summary>What a service logs in to the message bus as.</summary>
    public string BusConnection(string service) => Cluster.ConnectionString(PlatformDatabases.Bus, PlatformDatabases.BusRole(service));

    /// <summary>A superuser connection, for assertions that look at rows directly.</summary>
    public async Task<T?> ScalarAsync<T>(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
