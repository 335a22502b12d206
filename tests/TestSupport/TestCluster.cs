using System.Diagnostics;
using UnifiedCommerce.Hosting;
using UnifiedCommerce.Operations;

namespace UnifiedCommerce.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster in a temporary folder, provisioned and migrated as `./commerce up` does, and
/// stopped (fast shutdown) when disposed, or killed when the test process ends first.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private readonly string _root;
    private readonly Process _server;

    private TestCluster(string root, LocalPostgresCluster cluster, Process server)
    {
        _root = root;
        Cluster = cluster;
        _server = server;
        // A fixture whose start fails is never disposed, and a test run may be cut short: the cluster still stops
        // when the test process ends, rather than outliving it.
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
    }

    public LocalPostgresCluster Cluster { get; }

    public static async Task<TestCluster> StartProvisionedAsync(int maxConnections)
    {
        var root = Path.Combine(Path.GetTempPath(), $"commerce-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        // The postgres OS user must be able to reach the data folder (mkdtemp-style folders are private).
        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        // A test cluster lives for one run and is thrown away: it skips flushing to disk (fsync, full page writes,
        // synchronous commit), which only matters when the machine crashes. The platform's own cluster is durable.
        var cluster = new LocalPostgresCluster(root, PlatformDatabase.FreePort(), durable: false, maxConnections);
        cluster.EnsureInitialized();
        var started = new TestCluster(root, cluster, await cluster.StartAsync());
        await ProvisionCommand.ProvisionAsync(cluster, _ => { }, CancellationToken.None);
        return started;
    }

    /// <summary>The shared cluster ends here, with its test process: a fast shutdown, then an immediate one (see
    /// <see cref="LocalPostgresCluster.StopAsync"/>), never a kill of the postmaster's process tree.</summary>
    private void StopOnExit(object? sender, EventArgs e)
    {
        try
        {
            LocalPostgresCluster.StopAsync(_server).Wait(TimeSpan.FromSeconds(30));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        DeleteFolder(_root);
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        await LocalPostgresCluster.StopAsync(_server);
        _server.Dispose();
        DeleteFolder(_root);
    }

    public static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A file still held open by a dying process; the temporary folder is cleaned by the OS later.
        }
    }
}
