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
public sealed class PublicCachePurger(IHttpClientFactory httpClients, IOptions<PublicCacheOptions> options, ILogger<PublicCachePurger> logger)
{
    public const string HttpClientName = "public-cache";

    public async Task PurgeMerchantAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.PurgeUrls.Count == 0 || string.IsNullOrEmpty(settings.PurgeToken))
        {
            return;
        }

        var http = httpClients.CreateClient(HttpClientName);
        await Task.WhenAll(settings.PurgeUrls.Select(url => PurgeAsync(http, url, settings.PurgeToken, merchantId, cancellationToken)));
    }

    private async Task PurgeAsync(HttpClient http, Uri url, string token, Guid merchantId, CancellationToken cancellationToken)
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
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
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
        // A purge is small and local: a few quick attempts (the standard resilience handler) and then the time to live.
        builder.Services.AddHttpClient(PublicCachePurger.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<PublicCachePurger>();
        return builder;
    }
}
