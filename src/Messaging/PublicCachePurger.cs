using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UnifiedCommerce.Messaging;

/// <summary>
/// Where the public caches of a merchant's catalog live (the gateway's answers, the storefront's pages' data) and the
/// token their purge endpoints ask for. Each endpoint takes <c>POST {"merchantIds": [...]}</c>.
/// </summary>
public sealed class PublicCacheOptions
{
    public const string Section = "PublicCache";

    public List<Uri> PurgeUrls { get; set; } = [];

    public string? PurgeToken { get; set; }
}

/// <summary>
/// Purges the public caches of a merchant after its catalog, stock or standing changed. Called by the handlers of
/// those events, so a purge follows every committed change however the process that made it ended. A cache that
/// cannot be reached is logged, not retried forever: its time to live bounds how stale it can be, and a failing cache
/// must not hold up the events behind it.
/// </summary>
public sealed class PublicCachePurger(IOptions<PublicCacheOptions> options, ILogger<PublicCachePurger> logger) : IDisposable
{
    // One quick attempt per purge and per cache, then the time to live. Its own client, outside the factory's
    // defaults: their shared circuit breaker would let a storefront that is not up yet (demo data is seeded before
    // it starts) hold back the gateway's purge too.
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    public void Dispose() => http.Dispose();

    public async Task PurgeMerchantAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.PurgeUrls.Count == 0 || string.IsNullOrEmpty(settings.PurgeToken))
        {
            return;
        }

        await Task.WhenAll(settings.PurgeUrls.Select(url => PurgeAsync(url, settings.PurgeToken, merchantId, cancellationToken)));
    }

    private async Task PurgeAsync(Uri url, string token, Guid merchantId, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = JsonContent.Create(new { merchantIds = new[] { merchantId } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The public cache at {PurgeUrl} refused the purge of merchant {MerchantId} with {Status}.",
                    url, merchantId, (int)response.StatusCode);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The public cache at {PurgeUrl} could not be purged for merchant {MerchantId}.", url, merchantId);
        }
    }
}

public static class PublicCachePurgingSetup
{
    /// <summary>For services whose data shoppers see through the public caches (catalog, stock).</summary>
    public static IHostApplicationBuilder AddPublicCachePurging(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PublicCacheOptions>(builder.Configuration.GetSection(PublicCacheOptions.Section));
        builder.Services.AddSingleton<PublicCachePurger>();
        return builder;
    }
}
