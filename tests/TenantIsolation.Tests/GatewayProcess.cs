using System.Collections.Concurrent;
using System.Diagnostics;
using UnifiedCommerce.TestSupport;

namespace UnifiedCommerce.TenantIsolation.Tests;

/// <summary>
/// The Hive Gateway as `./commerce up` runs it (node, the committed supergraph), on a loopback port of the test's
/// own and pointed at the test's services. Killed with its whole process tree when the tests end.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private GatewayProcess(Process process, int port)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public string Output => string.Join('\n', _output);

    /// <summary>Starts the gateway with each subgraph's URL and waits until it has loaded the supergraph.</summary>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, ServiceProcess> subgraphs)
    {
        var folder = Path.Combine(ServiceProcess.RepositoryRoot(), "src", "Gateway");
        var cli = Path.Combine(folder, "node_modules", ".bin", "hive-gateway");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"Install the gateway's packages first (npm ci in src/Gateway; the build does it): {cli} is missing.");
        }

        var port = PlatformDatabase.FreePort();
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("node_modules/.bin/hive-gateway");
        start.ArgumentList.Add("supergraph");
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (name, service) in subgraphs)
        {
            start.Environment[$"{name.ToUpperInvariant()}_GRAPHQL_URL"] = new Uri(service.Http.BaseAddress!, "/graphql").ToString();
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The gateway did not start.");
        var gateway = new GatewayProcess(process, port);
        process.OutputDataReceived += (_, line) => gateway.Capture(line.Data);
        process.ErrorDataReceived += (_, line) => gateway.Capture(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await gateway.WaitUntilReadyAsync();
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with {_process.ExitCode} during start:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("/readiness");
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

        throw new TimeoutException($"The gateway was not ready within 60 s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        // Node has nothing to flush here; the whole tree goes, so no gateway outlives the test run.
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Http.Dispose();
    }
}
