using Npgsql;
using UnifiedCommerce.Hosting;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Hosting.Tests;

/// <summary>
/// The cluster `./commerce up` runs keeps what it acknowledged through a machine crash; only the throwaway clusters
/// of the tests trade that for speed.
/// </summary>
public sealed class ClusterDurabilityTests
{
    private static readonly string[] DurabilitySettings = ["fsync", "full_page_writes", "synchronous_commit"];

    [Fact]
    public async Task The_platform_cluster_flushes_every_acknowledged_write_to_disk()
    {
        var root = Path.Combine(Path.GetTempPath(), $"commerce-durability-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        try
        {
            // Constructed exactly as the AppHost constructs the cluster of `./commerce up`.
            var cluster = new LocalPostgresCluster(root, PlatformDatabase.FreePort());
            cluster.EnsureInitialized();
            using var server = await cluster.StartAsync();
            try
            {
                foreach (var setting in DurabilitySettings)
                {
                    Assert.Equal((setting, "on"), (setting, await ShowAsync(cluster, setting)));
                }
            }
            finally
            {
                await LocalPostgresCluster.StopAsync(server);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task The_test_cluster_skips_flushing_for_speed()
    {
        var database = new PlatformDatabase();
        await database.InitializeAsync();
        try
        {
            foreach (var setting in DurabilitySettings)
            {
                Assert.Equal((setting, "off"), (setting, await ShowAsync(database.Cluster, setting)));
            }
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task<string?> ShowAsync(LocalPostgresCluster cluster, string setting)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
