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
/// token their purge endpoints ask for. Each endpoint takes <c>POST {"merchantIds": [...]}</c> (1 to 100 ids) or
/// <c>POST {"allMerchants": true}</c>.
/// </summary>
public sealed class PublicCacheOptions
{
    public const string Section = "PublicCache";

    public List<Uri> PurgeUrls { get; set; } = [];

    public string? PurgeToken { get; set; }

    /// <summary>
    /// The least time between two purge rounds. Changes that commit while a round runs or within this time join the
    /// next round, so an import of ten thousand products costs a few purges of its merchant, not ten thousand.
    /// </summary>
    public TimeSpan MinimumRoundInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>
/// Purges the public caches of merchants after their catalog, stock or standing changed. The handlers of those events
/// ask for a purge (<see cref="Request"/>) and go on; purges run in rounds, each round one call per cache for every
/// merchant asked for since the last. A cache that cannot be reached is logged, not retried forever: its time to live
/// bounds how stale it can be, and a failing cache must not hold up the events behind it.
/// <para>
/// An event is marked handled once its purge is asked for, not once it is done: a process that dies in between would
/// lose that purge. So the first round after a start purges every merchant, which covers whatever the previous
/// process of this service had not purged yet, and stopping runs the rounds still asked for.
/// </para>
/// </summary>
public sealed class PublicCachePurger(IOptions<PublicCacheOptions> options, ILogger<PublicCachePurger> logger)
    : BackgroundService
{
    /// <summary>What the purge endpoints accept in one call.</summary>
    private const int MerchantsPerCall = 50;

    // One quick attempt per purge and per cache, then the time to live. Its own client, outside the factory's
    // defaults: their shared circuit breaker would let a storefront that is not up yet (demo data is seeded before
    // it starts) hold back the gateway's purge too.
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    private readonly Lock gate = new();
    private readonly SemaphoreSlim asked = new(0, 1);
    private HashSet<Guid> pending = [];
    private bool pendingEverything = true;

    private bool Configured => options.Value.PurgeUrls.Count > 0 && !string.IsNullOrEmpty(options.Value.PurgeToken);

    /// <summary>Asks for the merchant's public caches to be purged in the next round; returns at once.</summary>
    public void Request(Guid merchantId)
    {
        lock (gate)
        {
            pending.Add(merchantId);
        }

        Wake();
    }

    public override void Dispose()
    {
        http.Dispose();
        asked.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Wake();
        try
        {
            while (true)
            {
                await asked.WaitAsync(stoppingToken);
                await RunRoundAsync(stoppingToken);
                await Task.Delay(options.Value.MinimumRoundInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // What was asked for since the last round still goes out before the process ends.
        await RunRoundAsync(cancellationToken);
    }

    private void Wake()
    {
        lock (gate)
        {
            if (asked.CurrentCount == 0)
            {
                asked.Release();
            }
        }
    }

    private async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        HashSet<Guid> merchants;
        bool everything;
        lock (gate)
        {
            (merchants, pending) = (pending, []);
            (everything, pendingEverything) = (pendingEverything, false);
        }

        var settings = options.Value;
        if ((merchants.Count == 0 && !everything) || !Configured)
        {
            return;
        }

        var bodies = everything
            ? [new { allMerchants = true }]
            : merchants.Chunk(MerchantsPerCall).Select(chunk => (object)new { merchantIds = chunk }).ToArray();
        await Task.WhenAll(settings.PurgeUrls.Select(async url =>
        {
            foreach (var body in bodies)
            {
                await PurgeAsync(url, settings.PurgeToken!, body, cancellationToken);
            }
        }));
    }

    private async Task PurgeAsync(Uri url, string token, object body, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The public cache at {PurgeUrl} refused a purge with {Status}.", url, (int)response.StatusCode);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The public cache at {PurgeUrl} could not be purged.", url);
        }
    }
}

/// <summary>
/// Purges the caches of a service's own changes as its outbox relay claims their events: each event's row committed
/// with the change, so the change is visible, and the purge needs no trip through the bus. (Sending each event back
/// to its own service's queue cost an import of ten thousand products ten thousand more queue messages.) A process
/// that dies before its purge round is covered by the first round of the next one (<see cref="PublicCachePurger"/>).
/// </summary>
internal sealed class PurgeCachesOfOwnEvents(PublicCachePurger purger) : IOutboxBatchObserver
{
    public void Claimed(IReadOnlyList<OutboxMessage> batch)
    {
        foreach (var merchantId in batch.Select(message => message.MerchantId).Distinct())
        {
            purger.Request(merchantId);
        }
    }
}

public static class PublicCachePurgingSetup
{
    /// <summary>
    /// For services whose data shoppers see through the public caches (catalog, stock): every event the service
    /// publishes describes such data, and its merchant's caches are purged once the event is claimed for relaying.
    /// </summary>
    public static IHostApplicationBuilder AddPublicCachePurging(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PublicCacheOptions>(builder.Configuration.GetSection(PublicCacheOptions.Section));
        builder.Services.AddSingleton<PublicCachePurger>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PublicCachePurger>());
        builder.Services.AddSingleton<IOutboxBatchObserver, PurgeCachesOfOwnEvents>();
        return builder;
    }
}
