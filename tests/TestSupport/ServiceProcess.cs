using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UnifiedCommerce.TestSupport;

/// <summary>
/// One service running as a real process (its built binary, real HTTP on a loopback port), so tests can stop it,
/// start it again, and kill it outright to prove what survives a crash.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly AppProcess _app;
    private readonly PlatformIdentity? _identity;

    private ServiceProcess(string name, AppProcess app, PlatformIdentity? identity)
    {
        Name = name;
        _app = app;
        _identity = identity;
        Http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Name { get; }
    public HttpClient Http { get; }
    public string Output => _app.Output;

    /// <summary>
    /// Starts the service named like its folder under src/Services and waits until /health answers healthy. With
    /// <paramref name="identity"/>, the service validates that Identity's tokens and <see cref="AsMerchantAsync"/> works.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        string service, PlatformDatabase database, IDictionary<string, string>? settings = null, PlatformIdentity? identity = null, int? port = null)
    {
        var name = service.ToLowerInvariant();
        var environment = new Dictionary<string, string>
        {
            [$"ConnectionStrings__{name}"] = database.ServiceConnection(name),
            ["ConnectionStrings__bus"] = database.BusConnection(name),
            // Local runs speak plain HTTP on loopback; production requires HTTPS in front of Identity.
            ["Identity__RequireHttps"] = "false",
        };
        if (identity is not null)
        {
            environment["Identity__Authority"] = identity.Issuer;
        }

        if (name == "catalog")
        {
            environment["Catalog__Media__Root"] = database.FilesDirectory("catalog-media");
            // Swept every 2 s, so a test sees the sweep work; files younger than the orphan age (1 h) are never touched.
            environment["Catalog__Media__Sweep__Interval"] = "00:00:02";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var app = await AppProcess.StartAsync(service, Path.Combine("Services", service), $"UnifiedCommerce.{service}", port ?? PlatformDatabase.FreePort(), environment);
        return new ServiceProcess(name, app, identity);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; the harshest crash a process can have.</summary>
    public Task CrashAsync() => _app.CrashAsync();

    /// <summary>A graceful stop (SIGTERM), as an orchestrator does.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Http.Dispose();
    }

    /// <summary>Sends a request on behalf of a merchant (the storefront channel header).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Guid? merchantId, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (merchantId is { } merchant)
        {
            request.Headers.Add("x-merchant-id", merchant.ToString());
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Sends a request with an access token (Authorization: Bearer), as API clients and signed-in staff do.</summary>
    public async Task<HttpResponseMessage> SendWithTokenAsync(HttpMethod method, string path, string? accessToken, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Sends a request as the merchant's own API client, holding every merchant permission.</summary>
    public async Task<HttpResponseMessage> AsMerchantAsync(HttpMethod method, string path, Guid merchantId, object? body = null, string? ifMatch = null)
    {
        var identity = _identity ?? throw new InvalidOperationException($"{Name} was started without Identity.");
        return await SendWithTokenAsync(method, path, await identity.MerchantTokenAsync(merchantId), body, ifMatch);
    }

    /// <summary>Posts a GraphQL operation to the service's subgraph endpoint and returns the whole response body.</summary>
    public async Task<JsonObject> GraphQLAsync(Guid? merchantId, string query, object? variables = null) =>
        await ReadGraphQLAsync(await SendAsync(HttpMethod.Post, "/graphql", merchantId, new { query, variables }));

    /// <summary>Posts a GraphQL operation with an access token.</summary>
    public async Task<JsonObject> GraphQLWithTokenAsync(string? accessToken, string query, object? variables = null) =>
        await ReadGraphQLAsync(await SendWithTokenAsync(HttpMethod.Post, "/graphql", accessToken, new { query, variables }));

    private static async Task<JsonObject> ReadGraphQLAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"Not JSON: {text}");
        }
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "UnifiedCommerce.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Tests run from inside the repository.");
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
