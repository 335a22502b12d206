using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace UnifiedCommerce.Catalog.Media;

/// <summary>An S3-compatible bucket (AWS, MinIO, Ceph, R2 ...): for several Catalog replicas, or media off the machine.</summary>
public sealed class S3MediaStorage(IAmazonS3 s3, string bucket) : IMediaStorage, IDisposable
{
    public string Bucket { get; } = bucket;

    /// <summary>How the client reaches the bucket (endpoint, addressing, region), as configured.</summary>
    public IClientConfig ClientConfig => s3.Config;

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content.ToArray(), writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = StorageKeyRule.Require(key),
            InputStream = body,
            ContentType = contentType,
        }, cancellationToken);
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectAsync(Bucket, StorageKeyRule.Require(key), cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await s3.DeleteObjectAsync(Bucket, StorageKeyRule.Require(key), cancellationToken);

    /// <summary>Pages through the bucket's media keys (S3 lists keys in ordinal order, so merchants come one after another).</summary>
    public async IAsyncEnumerable<StoredMedia> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = "merchants/" };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var stored in page.S3Objects ?? [])
            {
                var written = stored.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : DateTimeOffset.UtcNow;
                if (StorageKeyRule.Listed(stored.Key, written) is { } listed)
                {
                    yield return listed;
                }
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
    }

    public void Dispose() => s3.Dispose();
}

/// <summary>
/// Catalog:Media: where media are stored. <c>Storage</c> is <c>local</c> (the default: files under <c>Root</c>, which
/// defaults to the data folder's media/) or <c>s3</c> (<c>S3:Endpoint</c>, <c>S3:Bucket</c>, <c>S3:AccessKey</c>,
/// <c>S3:SecretKey</c>, <c>S3:Region</c>, <c>S3:PathStyle</c> for servers that address buckets by path, such as MinIO).
/// </summary>
public static class MediaStorageSetup
{
    public const string Section = "Catalog:Media";

    public static IServiceCollection AddMediaStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(Create(configuration.GetSection(Section), environment.ContentRootPath));
        services.Configure<MediaSweepOptions>(configuration.GetSection(MediaSweepOptions.Section));
        services.AddHostedService<MediaSweeper>();
        return services;
    }

    /// <summary>The storage the configuration names; a missing or unknown setting stops the service at start, saying which.</summary>
    public static IMediaStorage Create(IConfiguration media, string contentRoot)
    {
        var kind = media["Storage"] is { Length: > 0 } named ? named.Trim().ToLowerInvariant() : "local";
        switch (kind)
        {
            case "local":
                // The AppHost names the platform's data folder; a bare run keeps media beside the service.
                var root = media["Root"] is { Length: > 0 } configured ? configured : Path.Combine(contentRoot, ".data", "media");
                return new LocalDiskMediaStorage(root);
            case "s3":
                string Required(string name) => media[$"S3:{name}"] is { Length: > 0 } value
                    ? value
                    : throw new InvalidOperationException($"{Section}:S3:{name} is required when {Section}:Storage is s3.");
                var config = new AmazonS3Config
                {
                    ServiceURL = Required("Endpoint"),
                    ForcePathStyle = bool.TryParse(media["S3:PathStyle"], out var pathStyle) && pathStyle,
                    AuthenticationRegion = media["S3:Region"] is { Length: > 0 } region ? region : "us-east-1",
                };
                var credentials = new BasicAWSCredentials(Required("AccessKey"), Required("SecretKey"));
                return new S3MediaStorage(new AmazonS3Client(credentials, config), Required("Bucket"));
            default:
                throw new InvalidOperationException($"{Section}:Storage is '{media["Storage"]}'; use local or s3.");
        }
    }
}
