using System.Net;
using System.Net.Sockets;
using Npgsql;
using UnifiedCommerce.Hosting;
using Xunit;

namespace UnifiedCommerce.TestSupport;

/// <summary>
/// The platform's databases for one test fixture, provisioned and migrated exactly as `./commerce up` does. By
/// default they are copies, made for this fixture, of databases provisioned once on the test process's shared
/// cluster (<see cref="TestRunCluster"/>): a copy takes a fraction of a second where a cluster of its own takes
/// seconds, and a fixture still sees only its own rows, queues and NOTIFY channels. Roles are cluster-wide, so
/// every copy has the same owner, app and bus roles as the platform.
/// </summary>
public class PlatformDatabase : IAsyncLifetime
{
    private readonly bool _clusterOfItsOwn;
    private readonly string _filesRoot = Path.Combine(Path.GetTempPath(), $"commerce-test-files-{Guid.NewGuid():N}");
    private TestCluster? _ownCluster;
    private string? _copySuffix;

    public PlatformDatabase()
        : this(clusterOfItsOwn: false)
    {
    }

    /// <param name="clusterOfItsOwn">For tests of the cluster or of provisioning itself, which must not touch the shared cluster.</param>
    protected PlatformDatabase(bool clusterOfItsOwn) => _clusterOfItsOwn = clusterOfItsOwn;

    public LocalPostgresCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (_clusterOfItsOwn)
        {
            _ownCluster = await TestCluster.StartProvisionedAsync(maxConnections: 200);
            Cluster = _ownCluster.Cluster;
        }
        else
        {
            (Cluster, _copySuffix) = await TestRunCluster.CopyDatabasesAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_ownCluster is not null)
        {
            await _ownCluster.DisposeAsync();
        }
        else if (_copySuffix is not null)
        {
            await TestRunCluster.DropDatabasesAsync(_copySuffix);
        }

        TestCluster.DeleteFolder(_filesRoot);
    }

    /// <summary>The name on the cluster of one of the platform's databases (a service's, or the bus) as this fixture has it.</summary>
    public string DatabaseName(string database) =>
        _copySuffix is null || !TestRunCluster.Templates.Contains(database) ? database : TestRunCluster.CopyName(database, _copySuffix);

    /// <summary>A folder of this fixture's own, thrown away with it: where services keep files (Catalog's media).</summary>
    public string FilesDirectory(string name) => Path.Combine(_filesRoot, name);

    /// <summary>What a service logs in as: its app role on its own database.</summary>
    public string ServiceConnection(string service) => Cluster.ConnectionString(DatabaseName(service), PlatformDatabases.AppRole(service));

    /// <summary>What a service logs in to the message bus as.</summary>
    public string BusConnection(string service) => Cluster.ConnectionString(DatabaseName(PlatformDatabases.Bus), PlatformDatabases.BusRole(service));

    /// <summary>A superuser connection to one of this fixture's databases, for assertions that look at rows directly.</summary>
    public async Task<T?> ScalarAsync<T>(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString(DatabaseName(database)));
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString(DatabaseName(database)));
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A platform database on a PostgreSQL cluster of its own, for tests of the cluster and of provisioning.</summary>
public sealed class PrivateClusterDatabase() : PlatformDatabase(clusterOfItsOwn: true);
