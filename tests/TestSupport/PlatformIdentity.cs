using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.TestSupport;

/// <summary>
/// Identity running as a process, with the platform operator's credential, plus what tests need of it: merchants
/// created through the operators' API, API clients with chosen permissions, and access tokens from /connect/token.
/// The port is fixed for the fixture's life, so the issuer (and every token issued) survives a restart.
/// </summary>
public sealed class PlatformIdentity : IAsyncDisposable
{
    public const string OperatorClientId = "platform-operator";

    private readonly PlatformDatabase _database;
    private readonly IDictionary<string, string>? _settings;
    private readonly int _port = PlatformDatabase.FreePort();
    private readonly ConcurrentDictionary<string, Task<CachedToken>> _tokens = new();
    private readonly ConcurrentDictionary<Guid, Task> _merchants = new();

    private PlatformIdentity(PlatformDatabase database, IDictionary<string, string>? settings)
    {
        _database = database;
        _settings = settings;
    }

    public ServiceProcess Process { get; private set; } = null!;

    public string OperatorSecret { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>The storefront server's client secret (it signs shoppers in).</summary>
    public string StorefrontSecret { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>The admin panel's backend's client secret (it signs staff in).</summary>
    public string AdminSecret { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public const string AdminRedirectUri = "http://admin.commerce.test/auth/callback";

    public Uri BaseAddress => new(Issuer);

    /// <summary>The issuer tokens name; also where the services find the discovery document.</summary>
    public string Issuer => $"http://127.0.0.1:{_port}/";

    public static async Task<PlatformIdentity> StartAsync(PlatformDatabase database, IDictionary<string, string>? settings = null)
    {
        var identity = new PlatformIdentity(database, settings);
        await identity.StartProcessAsync();
        return identity;
    }

    public async Task RestartAsync()
    {
        await Process.DisposeAsync();
        await StartProcessAsync();
    }

    private async Task StartProcessAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Identity__Issuer"] = Issuer,
            ["Identity__OperatorClientSecret"] = OperatorSecret,
            ["Identity__StorefrontClientSecret"] = StorefrontSecret,
            ["Identity__AdminClientSecret"] = AdminSecret,
            ["Identity__AdminRedirectUris"] = AdminRedirectUri,
            ["Identity__Mailbox__Enabled"] = "true",
            // Tests stand in for the platform's proxies: each SignInBrowser claims its own client address with
            // X-Forwarded-For from loopback, which Identity believes only from proxies it is told to trust.
            ["Identity__TrustedProxies"] = "127.0.0.0/8 ::1",
            ["Identity__Mailbox__Directory"] = Path.Combine(Path.GetTempPath(), $"commerce-mailbox-{_port}"),
        };
        foreach (var (key, value) in _settings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        Process = await ServiceProcess.StartAsync("Identity", _database, settings, port: _port);
    }

    public async ValueTask DisposeAsync() => await Process.DisposeAsync();

    /// <summary>A token of the platform operators (platform:administer, no merchant).</summary>
    public Task<string> OperatorTokenAsync() => CachedTokenAsync("operator", () => RequestTokenAsync(OperatorClientId, OperatorSecret, scope: null));

    /// <summary>Sends a request to Identity as a platform operator.</summary>
    public async Task<HttpResponseMessage> AsOperatorAsync(HttpMethod method, string path, object? body = null) =>
        await Process.SendWithTokenAsync(method, path, await OperatorTokenAsync(), body);

    /// <summary>Creates (or renames) a merchant through the operators' API.</summary>
    public async Task<JsonObject> PutMerchantAsync(Guid merchantId, string name, string currency = "USD", IReadOnlyList<string>? hosts = null)
    {
        using var response = await AsOperatorAsync(HttpMethod.Put, $"/api/v1/merchants/{merchantId}", new { name, defaultCurrency = currency, hosts = hosts ?? [] });
        var merchant = await ReadSuccessAsync(response, $"PUT merchant {merchantId}");
        _merchants.TryAdd(merchantId, Task.CompletedTask);
        return merchant;
    }

    /// <summary>A new store with a host name of its own: its id and its storefront's origin.</summary>
    public async Task<(Guid MerchantId, string Origin)> NewStoreAsync(string name)
    {
        var id = Guid.NewGuid();
        var host = $"shop-{id:N}.commerce.test";
        await PutMerchantAsync(id, name, hosts: [host]);
        return (id, $"http://{host}");
    }

    /// <summary>The storefront of a store signing a shopper in.</summary>
    public CodeFlowClient StorefrontOf(string origin) => new(Process.Http, "storefront", StorefrontSecret, origin + "/auth/callback");

    /// <summary>The admin panel signing a staff member in.</summary>
    public CodeFlowClient Admin() => new(Process.Http, "admin", AdminSecret, AdminRedirectUri);

    public SignInBrowser NewBrowser() => new(BaseAddress);

    /// <summary>Makes sure Identity knows the merchant (tests often start from a fresh id).</summary>
    public Task EnsureMerchantAsync(Guid merchantId) =>
        _merchants.GetOrAdd(merchantId, id => PutMerchantAsync(id, $"Test merchant {id:N}"));

    /// <summary>A new API client of the merchant with exactly these permissions; the secret is shown here only.</summary>
    public async Task<ApiClient> CreateApiClientAsync(Guid merchantId, params string[] permissions)
    {
        await EnsureMerchantAsync(merchantId);
        using var response = await AsOperatorAsync(HttpMethod.Post, $"/api/v1/merchants/{merchantId}/api-clients", new { name = "Test client", permissions });
        var body = await ReadSuccessAsync(response, $"create an API client for {merchantId}");
        return new ApiClient((string)body["clientId"]!, (string)body["clientSecret"]!);
    }

    /// <summary>A token of a client of the merchant with exactly these permissions (all merchant permissions when none are named).</summary>
    public Task<string> MerchantTokenAsync(Guid merchantId, params string[] permissions)
    {
        var granted = permissions.Length == 0 ? [.. Permissions.All] : permissions.Order(StringComparer.Ordinal).ToArray();
        return CachedTokenAsync($"{merchantId}:{string.Join(' ', granted)}", async () =>
        {
            var client = await CreateApiClientAsync(merchantId, granted);
            return await RequestTokenAsync(client.ClientId, client.ClientSecret, scope: null);
        });
    }

    /// <summary>The client credentials grant, as any API client performs it.</summary>
    public async Task<HttpResponseMessage> RequestTokenResponseAsync(string clientId, string clientSecret, string? scope)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return await Process.Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public async Task<string> RequestTokenAsync(string clientId, string clientSecret, string? scope)
    {
        using var response = await RequestTokenResponseAsync(clientId, clientSecret, scope);
        var body = await ReadSuccessAsync(response, $"a token for {clientId}");
        return (string)body["access_token"]!;
    }

    private async Task<string> CachedTokenAsync(string key, Func<Task<string>> request)
    {
        // Tokens live ten minutes; a long test run asks again before one runs out.
        var cached = await _tokens.GetOrAdd(key, _ => Fetch());
        if (cached.ExpiresAt < DateTimeOffset.UtcNow.AddMinutes(2))
        {
            _tokens[key] = Fetch();
            cached = await _tokens[key];
        }

        return cached.Token;

        async Task<CachedToken> Fetch() => new(await request(), DateTimeOffset.UtcNow.AddMinutes(10));
    }

    private static async Task<JsonObject> ReadSuccessAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not get {what}: {(int)response.StatusCode} {text}");
        }

        return (System.Text.Json.Nodes.JsonNode.Parse(text) ?? new JsonObject()).AsObject();
    }

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresAt);
}

public sealed record ApiClient(string ClientId, string ClientSecret);
