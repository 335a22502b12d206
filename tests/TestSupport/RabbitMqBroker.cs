using System.Diagnostics;
using System.Net.Sockets;

namespace UnifiedCommerce.TestSupport;

/// <summary>
/// A private RabbitMQ broker (Debian's rabbitmq-server) for the tests of the RabbitMQ transport: its own node
/// name, ports, data folder and Erlang port mapper, all removed when the tests end.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"commerce-rabbitmq-{Guid.NewGuid():N}");
    private readonly int _mapperPort = PlatformDatabase.FreePort();
    private Process? _server;

    public int Port { get; } = PlatformDatabase.FreePort();

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}";

    public static async Task<RabbitMqBroker> StartAsync()
    {
        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException("RabbitMQ is not installed: apt-get install rabbitmq-server (./commerce test does this).");
        }

        var broker = new RabbitMqBroker();
        await broker.StartServerAsync();
        return broker;
    }

    private async Task StartServerAsync()
    {
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, "enabled_plugins"), "[].");
        var start = new ProcessStartInfo(ServerScript) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        var environment = start.Environment;
        environment["HOME"] = _root;
        environment["ERL_EPMD_PORT"] = _mapperPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["RABBITMQ_NODENAME"] = $"commerce{Port}@localhost";
        environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        environment["RABBITMQ_NODE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["RABBITMQ_DIST_PORT"] = PlatformDatabase.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_root, "mnesia");
        environment["RABBITMQ_LOG_BASE"] = Path.Combine(_root, "log");
        environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_root, "enabled_plugins");
        environment["RABBITMQ_PID_FILE"] = Path.Combine(_root, "pid");
        environment["RABBITMQ_CONFIG_FILES"] = Path.Combine(_root, "no-config");
        _server = Process.Start(start) ?? throw new InvalidOperationException("rabbitmq-server did not start.");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited with {_server.ExitCode}; see {_root}/log.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException("RabbitMQ did not accept connections within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        // The broker's own Erlang port mapper runs detached on the private port: stop it too.
        using (var mapper = Process.Start(new ProcessStartInfo("epmd", ["-port", _mapperPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-kill"])
               { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true }))
        {
            if (mapper is not null)
            {
                await mapper.WaitForExitAsync();
            }
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Files of a process still exiting; the temporary folder is cleaned by the OS later.
        }
    }
}
