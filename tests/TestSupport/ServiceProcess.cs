using System.Collections.Concurrent;
using System.Diagnostics;
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
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(string name, Process process, Uri baseAddress, PlatformIdentity? identity)
    {
        Name = name;
        _process = process;
        _identity = identity;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    private readonly PlatformIdentity? _identity;

    public string Name { get; }
    public HttpClient Http { get; }
    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Starts the service named like its folder under src/Services and waits until /health answers healthy. With
    /// <paramref name="identity"/>, the service validates that Identity's tokens and <see cref="AsMerchantAsync"/> works.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        string service, PlatformDatabase database, IDictionary<string, string>? settings = null, PlatformIdentity? identity = null, int? port = null)
    {
        var name = service.ToLowerInvariant();
        var binary = Path.Combine(RepositoryRoot(), "src", "Services", service, "bin", BuildConfiguration, "net10.0", $"UnifiedCommerce.{service}.dll");
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"Build the solution first: {binary} is missing.");
        }

        var listenPort = port ?? PlatformDatabase.FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(binary);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{listenPort}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment[$"ConnectionStrings__{name}"] = database.ServiceConnection(name);
        start.Environment["ConnectionStrings__bus"] = database.BusConnection;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Local runs speak plain HTTP on loopback; production requires HTTPS in front of Identity.
        start.Environment["Identity__RequireHttps"] = "false";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (identity is not null)
        {
            start.Environment["Identity__Authority"] = identity.Issuer;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{service} did not start.");
        var service_ = new ServiceProcess(name, process, new Uri($"http://127.0.0.1:{listenPort}"), identity);
        process.OutputDataReceived += (_, line) => service_.Capture(line.Data);
        process.ErrorDataReceived += (_, line) => service_.Capture(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service_.WaitUntilHealthyAsync();
        return service_;
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 500 && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} during start:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} did not become healthy within 60 s:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; the harshest crash a process can have.</summary>
    public async Task CrashAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>A graceful stop (SIGTERM), as an orchestrator does.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await CrashAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
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
    public async Task<HttpResponseMessage> SendWithTokenAsync(HttpMethod method, string path, string? accessToken, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
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
    public async Task<HttpResponseMessage> AsMerchantAsync(HttpMethod method, string path, Guid merchantId, object? body = null)
    {
        var identity = _identity ?? throw new InvalidOperationException($"{Name} was started without Identity.");
        return await SendWithTokenAsync(method, path, await identity.MerchantTokenAsync(merchantId), body);
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

    private static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

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
