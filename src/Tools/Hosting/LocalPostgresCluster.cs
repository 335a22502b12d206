using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace UnifiedCommerce.Hosting;

/// <summary>
/// A private PostgreSQL cluster in a folder of its own: created with initdb on first use, listening on
/// 127.0.0.1 only, with a generated superuser password kept beside it (mode 0600). PostgreSQL refuses to run as
/// root, so under root every command runs as the <c>postgres</c> OS user through setpriv.
/// </summary>
public sealed partial class LocalPostgresCluster
{
    private const string Superuser = "postgres";
    private readonly string _root;

    /// <param name="durable">
    /// True (the platform's cluster): every acknowledged commit is on disk, so a machine crash loses nothing and
    /// cannot corrupt the cluster. False only for throwaway clusters (tests), which skip flushing for speed.
    /// </param>
    /// <param name="maxConnections">The platform's processes fit in 200; a test run sharing one cluster among its fixtures asks for more.</param>
    public LocalPostgresCluster(string root, int port, bool durable = true, int maxConnections = 200)
    {
        _root = Path.GetFullPath(root);
        Port = port;
        Durable = durable;
        MaxConnections = maxConnections;
        BinDirectory = FindBinDirectory();
    }

    public int Port { get; }
    public bool Durable { get; }
    public int MaxConnections { get; }
    public string BinDirectory { get; }
    public string DataDirectory => Path.Combine(_root, "postgres");
    private string PasswordFile => Path.Combine(_root, "postgres-superuser.secret");
    public static bool IsRoot => Environment.UserName == "root";

    public string SuperuserPassword => File.ReadAllText(PasswordFile).Trim();

    /// <summary>Each role's password is derived from the superuser secret, so nothing else needs storing.</summary>
    public string PasswordFor(string role)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SuperuserPassword), Encoding.UTF8.GetBytes(role));
        return Convert.ToHexStringLower(hash);
    }

    public string ConnectionString(string database, string? role = null) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = role ?? Superuser,
        Password = role is null ? SuperuserPassword : PasswordFor(role),
    }.ConnectionString;

    /// <summary>Runs initdb when the folder holds no cluster yet. Safe to call on every start.</summary>
    public void EnsureInitialized(Action<string>? log = null)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        Directory.CreateDirectory(_root);
        if (!File.Exists(PasswordFile))
        {
            File.WriteAllText(PasswordFile, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Directory.CreateDirectory(DataDirectory);
        var passwordCopy = Path.Combine(Path.GetTempPath(), $"pgpass-{Guid.NewGuid():N}");
        File.WriteAllText(passwordCopy, SuperuserPassword);
        try
        {
            if (IsRoot)
            {
                RunChecked("chown", ["-R", "postgres:postgres", DataDirectory]);
                RunChecked("chown", ["postgres:postgres", passwordCopy]);
                EnsureTraversableByPostgres();
            }

            log?.Invoke($"Creating the PostgreSQL cluster in {DataDirectory}");
            List<string> initdb =
            [
                "-D", DataDirectory, "-U", Superuser, "--pwfile", passwordCopy, "--auth-host=scram-sha-256",
                "--auth-local=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8",
            ];
            if (!Durable)
            {
                initdb.Add("--no-sync");
            }

            RunChecked(Path.Combine(BinDirectory, "initdb"), initdb, asPostgres: true);
        }
        finally
        {
            File.Delete(passwordCopy);
        }
    }

    /// <summary>The server command line: the caller (Aspire or a test) owns the process.</summary>
    public (string FileName, IReadOnlyList<string> Arguments) ServerCommand()
    {
        List<string> postgres =
        [
            Path.Combine(BinDirectory, "postgres"), "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"max_connections={MaxConnections}"),
            "-c", "shared_buffers=64MB",
            // Stated either way, so an edited postgresql.conf in the data folder cannot quietly change it.
            "-c", $"fsync={OnOff(Durable)}", "-c", $"synchronous_commit={OnOff(Durable)}", "-c", $"full_page_writes={OnOff(Durable)}",
        ];
        return IsRoot ? ("setpriv", [.. AsPostgresPrefix, .. postgres]) : (postgres[0], postgres[1..]);
    }

    private static string OnOff(bool value) => value ? "on" : "off";

    /// <summary>Starts the server as a child process and waits until it accepts connections.</summary>
    public async Task<Process> StartAsync(CancellationToken cancellationToken = default)
    {
        var (fileName, arguments) = ServerCommand();
        var start = new ProcessStartInfo(fileName) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("postgres did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return process;
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var unpooled = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false, Timeout = 2 }.ConnectionString;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(unpooled);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    /// <summary>Fast shutdown (SIGINT): active sessions are rolled back and the server stops cleanly at once.</summary>
    public static async Task StopAsync(Process server)
    {
        if (server.HasExited)
        {
            return;
        }

        _ = SendSignal(server.Id, SignalInterrupt);
        if (await ExitsWithinAsync(server, TimeSpan.FromSeconds(20)))
        {
            return;
        }

        // Immediate shutdown: the postmaster ends its own children. Not Process.Kill(entireProcessTree), which
        // stops every process of the tree before killing it and can leave a child stopped for good when one of
        // them exits in between.
        _ = SendSignal(server.Id, SignalQuit);
        if (!await ExitsWithinAsync(server, TimeSpan.FromSeconds(5)))
        {
            server.Kill();
        }
    }

    private static async Task<bool> ExitsWithinAsync(Process process, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private const int SignalInterrupt = 2;
    private const int SignalQuit = 3;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    private static readonly string[] AsPostgresPrefix = ["--reuid=postgres", "--regid=postgres", "--init-groups"];

    /// <summary>Every parent of the data folder must be traversable by the postgres user, or the server cannot open it.</summary>
    private void EnsureTraversableByPostgres()
    {
        var probe = RunProcess("setpriv", [.. AsPostgresPrefix, "test", "-r", DataDirectory, "-a", "-x", DataDirectory]);
        if (probe.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The postgres OS user cannot reach {DataDirectory}: a parent folder is not traversable (o+x). " +
                "Clone the repository under a world-traversable folder (e.g. /work or /srv) or set COMMERCE_DATA_DIR to one.");
        }
    }

    private static void RunChecked(string fileName, IReadOnlyList<string> arguments, bool asPostgres = false)
    {
        var (file, args) = asPostgres && IsRoot ? ("setpriv", (IReadOnlyList<string>)[.. AsPostgresPrefix, fileName, .. arguments]) : (fileName, arguments);
        var result = RunProcess(file, args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} failed ({result.ExitCode}): {result.Output}");
        }
    }

    private static (int ExitCode, string Output) RunProcess(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    private static string FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable("POSTGRES_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        const string debianRoot = "/usr/lib/postgresql";
        var candidates = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(directory => (Directory: Path.Combine(directory, "bin"), Version: int.TryParse(Path.GetFileName(directory), out var v) ? v : 0))
                .Where(candidate => File.Exists(Path.Combine(candidate.Directory, "postgres")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Directory)
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries were not found: install the 'postgresql' package or set POSTGRES_BIN.");
    }
}
