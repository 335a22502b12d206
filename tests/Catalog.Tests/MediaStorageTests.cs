using Amazon.S3;
using Microsoft.Extensions.Configuration;
using UnifiedCommerce.Catalog.Media;
using Xunit;

namespace UnifiedCommerce.Catalog.Tests;

/// <summary>
/// Which storage the configuration names (local files by default, an S3-compatible bucket by setting), and that no
/// key can reach outside a merchant's own prefix. The S3 storage is configured here, never called.
/// </summary>
public sealed class MediaStorageTests
{
    [Fact]
    public void Local_files_are_the_default_under_the_data_folder_unless_a_root_is_named()
    {
        var unnamed = MediaStorageSetup.Create(Settings(), "/srv/catalog");
        var named = MediaStorageSetup.Create(Settings(("Root", "/var/lib/commerce/media")), "/srv/catalog");

        Assert.Equal("/srv/catalog/.data/media", Assert.IsType<LocalDiskMediaStorage>(unnamed).Root);
        Assert.Equal("/var/lib/commerce/media", Assert.IsType<LocalDiskMediaStorage>(named).Root);
    }

    [Fact]
    public void S3_is_chosen_by_configuration_with_its_endpoint_bucket_keys_and_path_style()
    {
        var storage = MediaStorageSetup.Create(Settings(
            ("Storage", "s3"), ("S3:Endpoint", "http://127.0.0.1:9000"), ("S3:Bucket", "catalog-media"),
            ("S3:AccessKey", "access"), ("S3:SecretKey", "secret"), ("S3:PathStyle", "true"), ("S3:Region", "eu-central-1")), "/srv/catalog");

        var s3 = Assert.IsType<S3MediaStorage>(storage);
        Assert.Equal("catalog-media", s3.Bucket);
        var config = Assert.IsType<AmazonS3Config>(s3.ClientConfig);
        Assert.True(config.ForcePathStyle);
        Assert.StartsWith("http://127.0.0.1:9000", config.ServiceURL, StringComparison.Ordinal);
        Assert.Equal("eu-central-1", config.AuthenticationRegion);
        s3.Dispose();
    }

    [Theory]
    [InlineData("S3:Endpoint")]
    [InlineData("S3:Bucket")]
    [InlineData("S3:AccessKey")]
    [InlineData("S3:SecretKey")]
    public void S3_without_one_of_its_settings_stops_the_service_naming_it(string missing)
    {
        var settings = new[] { ("Storage", "s3"), ("S3:Endpoint", "http://127.0.0.1:9000"), ("S3:Bucket", "b"), ("S3:AccessKey", "a"), ("S3:SecretKey", "s") }
            .Where(setting => setting.Item1 != missing).ToArray();

        var refused = Assert.Throws<InvalidOperationException>(() => MediaStorageSetup.Create(Settings(settings), "/srv/catalog"));

        Assert.Contains($"Catalog:Media:{missing}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_storage_stops_the_service()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => MediaStorageSetup.Create(Settings(("Storage", "ftp")), "/srv/catalog"));

        Assert.Contains("use local or s3", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("merchants/0123456789abcdef0123456789abcdef/media/../../x/original.png")]
    [InlineData("/merchants/0123456789abcdef0123456789abcdef/media/0123456789abcdef0123456789abcdef/original.png")]
    [InlineData("merchants/0123456789abcdef0123456789abcdef/media/0123456789abcdef0123456789abcdef/../original.png")]
    [InlineData("merchants/0123456789ABCDEF0123456789abcdef/media/0123456789abcdef0123456789abcdef/original.png")]
    public async Task A_storage_takes_only_keys_made_under_a_merchants_prefix(string key)
    {
        var root = Path.Combine(Path.GetTempPath(), $"media-keys-{Guid.NewGuid():N}");
        var storage = new LocalDiskMediaStorage(root);

        await Assert.ThrowsAsync<ArgumentException>(() => storage.PutAsync(key, new byte[] { 1 }, "image/png", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.OpenAsync(key, CancellationToken.None));
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public async Task Keys_name_the_merchant_and_a_stored_file_reads_back_until_deleted()
    {
        var root = Path.Combine(Path.GetTempPath(), $"media-keys-{Guid.NewGuid():N}");
        var storage = new LocalDiskMediaStorage(root);
        var (merchant, media) = (Guid.NewGuid(), Guid.NewGuid());
        var key = MediaKeys.Rendition(merchant, media, 320, RenditionFormat.WebP);
        try
        {
            await storage.PutAsync(key, new byte[] { 1, 2, 3 }, "image/webp", CancellationToken.None);
            await using (var stored = await storage.OpenAsync(key, CancellationToken.None))
            {
                using var copy = new MemoryStream();
                await stored!.CopyToAsync(copy);
                Assert.Equal([1, 2, 3], copy.ToArray());
            }

            Assert.StartsWith($"merchants/{merchant:N}/media/{media:N}/", key, StringComparison.Ordinal);
            await storage.DeleteAsync(key, CancellationToken.None);
            Assert.Null(await storage.OpenAsync(key, CancellationToken.None));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
