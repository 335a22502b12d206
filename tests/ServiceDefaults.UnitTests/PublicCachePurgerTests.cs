using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UnifiedCommerce.Messaging;
using Xunit;

namespace UnifiedCommerce.ServiceDefaults.UnitTests;

/// <summary>
/// Purges coalesce: however many changes a burst commits, each cache is called about once per round, and a merchant
/// asked for is always in a call made after it was asked for. A start purges every merchant; a stop sends what is left.
/// </summary>
public sealed class PublicCachePurgerTests : IAsyncLifetime
{
    private const string Token = "purge-token";
    private readonly ConcurrentQueue<JsonElement> calls = new();
    private WebApplication cache = null!;
    private Uri purgeUrl = null!;

    /// <summary>Each call takes this long, as a busy cache would: requests made meanwhile wait for the next round.</summary>
    private TimeSpan answerDelay = TimeSpan.FromMilliseconds(100);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        cache = builder.Build();
        cache.MapPost("/cache/purge", async (HttpContext http) =>
        {
            if (http.Request.Headers.Authorization != $"Bearer {Token}")
            {
                return Results.StatusCode(401);
            }

            await Task.Delay(answerDelay);
            calls.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body));
            return Results.NoContent();
        });
        await cache.StartAsync();
        var address = cache.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        purgeUrl = new Uri(new Uri(address), "/cache/purge");
    }

    public async Task DisposeAsync() => await cache.DisposeAsync();

    [Fact]
    public async Task A_start_purges_every_merchant_once()
    {
        using var purger = Purger(TimeSpan.FromMilliseconds(10));
        await purger.StartAsync(CancellationToken.None);

        await Until(() => calls.Count == 1);
        Assert.True(calls.Single().GetProperty("allMerchants").GetBoolean());
        await purger.StopAsync(CancellationToken.None);
        Assert.Single(calls);
    }

    [Fact]
    public async Task A_burst_of_changes_costs_a_few_purges_and_names_every_merchant_asked_for()
    {
        using var purger = Purger(TimeSpan.FromMilliseconds(50));
        await purger.StartAsync(CancellationToken.None);
        await Until(() => calls.Count == 1);
        var merchants = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();

        for (var change = 0; change < 3000; change++)
        {
            purger.Request(merchants[change % merchants.Length]);
        }

        await Until(() => merchants.All(merchant => Named(merchant)));
        // The purge of every merchant at start, then at most a round or two for the burst.
        Assert.InRange(calls.Count, 2, 4);
        Assert.All(calls.Skip(1), call => Assert.InRange(call.GetProperty("merchantIds").GetArrayLength(), 1, merchants.Length));
        await purger.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task More_merchants_than_one_call_takes_are_sent_in_several_calls()
    {
        answerDelay = TimeSpan.Zero;
        using var purger = Purger(TimeSpan.FromMilliseconds(10));
        await purger.StartAsync(CancellationToken.None);
        await Until(() => calls.Count == 1);
        var merchants = Enumerable.Range(0, 120).Select(_ => Guid.NewGuid()).ToArray();

        foreach (var merchant in merchants)
        {
            purger.Request(merchant);
        }

        await Until(() => merchants.All(merchant => Named(merchant)));
        Assert.All(calls.Skip(1), call => Assert.InRange(call.GetProperty("merchantIds").GetArrayLength(), 1, 50));
        await purger.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stopping_sends_what_was_asked_for_since_the_last_round()
    {
        using var purger = Purger(TimeSpan.FromHours(1));
        await purger.StartAsync(CancellationToken.None);
        await Until(() => calls.Count == 1);
        var merchant = Guid.NewGuid();

        purger.Request(merchant);
        await purger.StopAsync(CancellationToken.None);

        Assert.True(Named(merchant));
    }

    private PublicCachePurger Purger(TimeSpan minimumRoundInterval) => new(
        Options.Create(new PublicCacheOptions { PurgeUrls = [purgeUrl], PurgeToken = Token, MinimumRoundInterval = minimumRoundInterval }),
        NullLogger<PublicCachePurger>.Instance);

    private bool Named(Guid merchant) => calls.Any(call =>
        call.TryGetProperty("merchantIds", out var ids) && ids.EnumerateArray().Any(id => id.GetGuid() == merchant));

    private static async Task Until(Func<bool> fact)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!fact())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
