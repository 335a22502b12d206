using System.Collections.Concurrent;
using System.Diagnostics;

namespace UnifiedCommerce.TestSupport;

/// <summary>
/// One of the repository's built apps (a service, the admin backend) running as a real process on a loopback port:
/// started from its binary with the given environment, its output kept for failure messages, ready once /health
/// answers, stopped gracefully (SIGTERM) or killed outright.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 500;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }
    public Uri Address { get; }
    public string Output => string.Join('\n', _output);

    /// <summary>Starts src/<paramref name="folder"/>'s built assembly and waits until it is healthy.</summary>
    public static async Task<AppProcess> StartAsync(string name, string folder, string assemblyName, int port, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var binary = Path.Combine(ServiceProcess.RepositoryRoot(), "src", folder, "bin", BuildConfiguration, "net10.0", $"{assemblyName}.dll");
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"Build the solution first: {binary} is missing.");
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(binary);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        // A test's service lives for seconds to minutes: profile-guided tiering would compile its hot code a third
        // time (instrumented, then optimised) for a steady state the test never reaches, and on two cores that JIT
        // work competes with the test itself. The platform as shipped keeps the default.
        start.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var app = new AppProcess(name, process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => app.Capture(line.Data);
        process.ErrorDataReceived += (_, line) => app.Capture(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync();
        }
        catch
        {
            // A fixture whose start fails is never disposed: the process must not outlive the failure.
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        // Generous: a shared 2-core machine under a full test run starts a .NET service in seconds, rarely in a minute.
        var deadline = DateTime.UtcNow.Add(StartTimeout);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} during start:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("/health");
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

        throw new TimeoutException($"{Name} did not become healthy within {StartTimeout.TotalSeconds} s:\n{Output}");
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

    /// <summary>A graceful stop (SIGTERM), as an orchestrator does; a process that will not stop is killed.</summary>
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
    }

    private static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
