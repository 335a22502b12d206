using Aspire.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UnifiedCommerce.AppHost;
using UnifiedCommerce.Hosting;

// The whole platform in one screen: a private PostgreSQL cluster, one database per service, migrations before
// the services, the services, the demo data, the gateway and the storefront. No containers: everything runs as
// a local process, and Ctrl-C stops all of it.
var builder = DistributedApplication.CreateBuilder(args);

var repositoryRoot = RepositoryRoot();
var dataDirectory = builder.Configuration["COMMERCE_DATA_DIR"] ?? Path.Combine(repositoryRoot, ".data");
var ports = new PlatformPorts(builder.Configuration);

var cluster = new LocalPostgresCluster(dataDirectory, ports.Postgres);
cluster.EnsureInitialized(Console.WriteLine);
var (postgresCommand, postgresArguments) = cluster.ServerCommand();
var postgres = builder.AddExecutable("postgres", Path.Combine(repositoryRoot, "src/AppHost/run-postgres.sh"), dataDirectory,
    [postgresCommand, .. postgresArguments]);

var migrations = builder.AddProject<Projects.Operations>("migrations")
    .WithArgs("provision")
    .WithEnvironment("COMMERCE_DATA_DIR", dataDirectory)
    .WithEnvironment("COMMERCE_POSTGRES_PORT", ports.Postgres.ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WaitFor(postgres);

var operatorSecret = PlatformOperatorSecret.ReadOrCreate(dataDirectory);
var storefrontClientSecret = LocalSecret.ReadOrCreate(dataDirectory, "storefront-client.secret");
var adminClientSecret = LocalSecret.ReadOrCreate(dataDirectory, "admin-client.secret");
var identityUrl = Loopback(ports.Identity, "/");
// The services purge the gateway's and the storefront's public caches of a merchant when its catalog or stock changes.
var cachePurgeToken = LocalSecret.ReadOrCreate(dataDirectory, "cache-purge.secret");

IResourceBuilder<ProjectResource> Service<TProject>(string name, int port) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true)
        .WithHttpEndpoint(port: port, isProxied: false)
        .WithEnvironment("ASPNETCORE_URLS", Loopback(port))
        // Without a launch profile a project would run as Production; the services run in the AppHost's environment
        // (Development for `./commerce up`: the mailbox, introspection for developers, no SMTP server needed).
        .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
        .WithEnvironment($"ConnectionStrings__{name}", cluster.ConnectionString(name, PlatformDatabases.AppRole(name)))
        // On the bus, each service logs in as its own role: it may send only its own events.
        .WithEnvironment("ConnectionStrings__bus", cluster.ConnectionString(PlatformDatabases.Bus, PlatformDatabases.BusRole(name)))
        // Every service validates tokens against Identity's published keys; local runs speak plain HTTP.
        .WithEnvironment("Identity__Authority", identityUrl)
        .WithEnvironment("Identity__Issuer", identityUrl)
        .WithEnvironment("Identity__RequireHttps", "false")
        // Developers keep every trace; the benchmark samples as production would (COMMERCE_TELEMETRY_SAMPLING_RATIO).
        .WithEnvironment("Telemetry__SamplingRatio", builder.Configuration["COMMERCE_TELEMETRY_SAMPLING_RATIO"] ?? "1.0")
        .WithHttpHealthCheck("/health")
        .WaitForCompletion(migrations);

var identity = Service<Projects.Identity>("identity", ports.Identity)
    .WithEnvironment("Identity__OperatorClientSecret", operatorSecret)
    .WithEnvironment("Identity__StorefrontClientSecret", storefrontClientSecret)
    // Staff sign in to the admin panel, whose backend is the OAuth client "admin".
    .WithEnvironment("Identity__AdminClientSecret", adminClientSecret)
    .WithEnvironment("Identity__AdminRedirectUris", Loopback(ports.Admin, "/auth/callback"))
    .WithEnvironment("Identity__AdminUrl", Loopback(ports.Admin, "/"))
    // Local runs write mail to files under the data folder and show it at /dev/mailbox; nothing leaves the machine.
    .WithEnvironment("Identity__Mailbox__Enabled", "true")
    .WithEnvironment("Identity__Mailbox__Directory", Path.Combine(dataDirectory, "mailbox"));
// Shoppers' browsers reach Identity directly, so by default no forwarded client address is believed. The end-to-end
// run puts loopback here: its browsers each claim an address of their own, as if behind the platform's ingress.
if (builder.Configuration["COMMERCE_IDENTITY_TRUSTED_PROXIES"] is { Length: > 0 } trustedProxies)
{
    identity.WithEnvironment("Identity__TrustedProxies", trustedProxies);
}

var catalog = Service<Projects.Catalog>("catalog", ports.Catalog)
    // Product images are files under the data folder (an S3-compatible bucket by configuration: Catalog:Media:Storage).
    .WithEnvironment("Catalog__Media__Root", Path.Combine(dataDirectory, "media"));
var inventory = Service<Projects.Inventory>("inventory", ports.Inventory);
var customers = Service<Projects.Customers>("customers", ports.Customers);

var seed = builder.AddProject<Projects.Operations>("seed")
    .WithArgs("seed")
    .WithEnvironment("COMMERCE_DATA_DIR", dataDirectory)
    // The demo stores register their host names with the storefront's port: Identity matches sign-in addresses exactly.
    .WithEnvironment("COMMERCE_STOREFRONT_PORT", ports.Storefront.ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WithReference(identity)
    .WithReference(catalog)
    .WithReference(inventory)
    .WaitFor(identity)
    .WaitFor(catalog)
    .WaitFor(inventory);

var gateway = builder.AddExecutable("gateway", "node", Path.Combine(repositoryRoot, "src/Gateway"), "node_modules/.bin/hive-gateway", "supergraph")
    .WithHttpEndpoint(port: ports.Gateway, env: "PORT", isProxied: false)
    .WithEnvironment("IDENTITY_GRAPHQL_URL", Address(identity, "/graphql"))
    .WithEnvironment("CATALOG_GRAPHQL_URL", Address(catalog, "/graphql"))
    .WithEnvironment("INVENTORY_GRAPHQL_URL", Address(inventory, "/graphql"))
    .WithEnvironment("CUSTOMERS_GRAPHQL_URL", Address(customers, "/graphql"))
    // Browsers may call the gateway from these first-party origins and from registered store hosts, never with credentials.
    .WithEnvironment("CORS_ALLOWED_ORIGINS", string.Join(',',
        $"http://localhost:{ports.Storefront}", Loopback(ports.Storefront), $"http://localhost:{ports.Admin}", Loopback(ports.Admin)))
    .WithEnvironment("NODE_ENV", "production")
    .WithEnvironment("CACHE_PURGE_TOKEN", cachePurgeToken)
    .WithOtlpExporter(OtlpProtocol.HttpProtobuf)
    .WithHttpHealthCheck("/readiness")
    .WaitFor(identity)
    .WaitFor(catalog)
    .WaitFor(inventory)
    .WaitFor(customers);

var storefront = builder.AddExecutable("storefront", "node", Path.Combine(repositoryRoot, "web/storefront"), "node_modules/next/dist/bin/next", "start", "--hostname", "127.0.0.1")
    .WithHttpEndpoint(port: ports.Storefront, env: "PORT", isProxied: false)
    .WithEnvironment("NEXT_TELEMETRY_DISABLED", "1")
    .WithEnvironment("GATEWAY_URL", Address(gateway, "/graphql"))
    // Product images are served from each store's own origin, passed through from Catalog (/media/...).
    .WithEnvironment("CATALOG_URL", Address(catalog))
    // Shoppers sign in at Identity's pages; the storefront keeps their tokens server-side in an encrypted cookie.
    .WithEnvironment("IDENTITY_URL", Address(identity))
    .WithEnvironment("IDENTITY_PUBLIC_URL", Loopback(ports.Identity))
    .WithEnvironment("STOREFRONT_CLIENT_SECRET", storefrontClientSecret)
    .WithEnvironment("SESSION_SECRET", LocalSecret.ReadOrCreate(dataDirectory, "storefront-session.secret"))
    .WithEnvironment("CACHE_PURGE_TOKEN", cachePurgeToken)
    .WithOtlpExporter(OtlpProtocol.HttpProtobuf)
    .WithHttpHealthCheck("/")
    .WaitFor(gateway)
    .WaitForCompletion(seed);

// Catalog and stock changes purge the gateway's and the storefront's public caches of the merchant.
foreach (var service in new[] { catalog, inventory })
{
    service.WithEnvironment("PublicCache__PurgeToken", cachePurgeToken)
        .WithEnvironment("PublicCache__PurgeUrls__0", Address(gateway, "/cache/purge"))
        .WithEnvironment("PublicCache__PurgeUrls__1", Address(storefront, "/api/cache/purge"));
}

// The admin panel: its backend serves the SPA (web/admin/dist), keeps staff tokens behind a cookie session, and
// passes the SPA's calls on to Identity, the gateway and Catalog.
var admin = builder.AddProject<Projects.Admin>("admin", options => options.ExcludeLaunchProfile = true)
    .WithHttpEndpoint(port: ports.Admin, isProxied: false)
    .WithEnvironment("ASPNETCORE_URLS", Loopback(ports.Admin))
    .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
    .WithEnvironment("Admin__IdentityUrl", Address(identity))
    .WithEnvironment("Admin__GatewayUrl", Address(gateway))
    .WithEnvironment("Admin__CatalogUrl", Address(catalog))
    .WithEnvironment("Admin__ClientSecret", adminClientSecret)
    .WithEnvironment("Admin__PublicUrl", Loopback(ports.Admin))
    .WithEnvironment("Admin__KeysDirectory", Path.Combine(dataDirectory, "admin-keys"))
    .WithEnvironment("Admin__SpaDirectory", Path.Combine(repositoryRoot, "web/admin/dist"))
    .WithEnvironment("Admin__RequireHttpsMetadata", "false")
    .WithHttpHealthCheck("/health")
    .WaitFor(identity);

// Every long-running process comes back by itself after a crash. PostgreSQL too: its lock file keeps a second
// server off a live cluster, and a restart after a crash is its ordinary crash recovery. The one-off steps
// (migrations, demo data) are not repeated.
IResource[] longRunning = [postgres.Resource, identity.Resource, catalog.Resource, inventory.Resource, customers.Resource,
    gateway.Resource, storefront.Resource, admin.Resource];
builder.Services.AddHostedService(services => new CrashRestarter(
    services.GetRequiredService<ResourceNotificationService>(),
    services.GetRequiredService<ResourceCommandService>(),
    services.GetRequiredService<IHostApplicationLifetime>(),
    longRunning));

var dashboard = (builder.Configuration["ASPNETCORE_URLS"] ?? "").Split(';')[0];
builder.Services.AddHostedService(services => new ConsoleReporter(
    services.GetRequiredService<ResourceNotificationService>(),
    services.GetRequiredService<ResourceLoggerService>(),
    dashboard,
    [migrations.Resource, seed.Resource],
    longRunning.Select(resource => resource.Name).ToHashSet(StringComparer.Ordinal)));

builder.Eventing.Subscribe<ResourceReadyEvent>(storefront.Resource, (_, _) =>
{
    Console.WriteLine($"""

        Unified Commerce is running.
          Storefront (Acme Outfitters)  http://localhost:{ports.Storefront}
          Storefront (Globex Home)      http://globex.localhost:{ports.Storefront}
          Admin (staff sign-in)         http://127.0.0.1:{ports.Admin}
          GraphQL gateway               http://127.0.0.1:{ports.Gateway}/graphql
          Mailbox (local development)   http://127.0.0.1:{ports.Identity}/dev/mailbox
          Dashboard (traces, logs)      {dashboard}
        Press Ctrl-C to stop.

        """);
    return Task.CompletedTask;
});

// Ctrl-C while the platform is still starting cancels the start; the host reports that as a failure to start (with a
// stack trace) and, having never started, would skip the graceful stop, leaving the orchestrator to kill everything,
// PostgreSQL included. A real failure to start still ends the AppHost with its exception.
builder.Services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical));
using var app = builder.Build();
var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
try
{
    await app.RunAsync();
}
catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
{
    await app.StopAsync();
}

// Servers bind 127.0.0.1 only; "localhost" would send Node clients to ::1 first, where nothing listens.
static string Loopback(int port, string path = "") => $"http://127.0.0.1:{port}{path}";

// How one process calls another: by the other's endpoint, so the wiring names the resource it depends on (and the
// dashboard shows it), on loopback for the reason above. Addresses people type (Identity's issuer, sign-in return
// addresses) stay as printed.
static ReferenceExpression Address<T>(IResourceBuilder<T> resource, string path = "")
    where T : IResourceWithEndpoints =>
    ReferenceExpression.Create($"http://127.0.0.1:{resource.GetEndpoint("http").Property(EndpointProperty.Port)}{path}");

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "UnifiedCommerce.slnx")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Run the AppHost from inside the repository.");
}

/// <summary>Fixed local ports (so the printed URLs stay the same), each overridable by configuration.</summary>
internal sealed class PlatformPorts(IConfiguration configuration)
{
    public int Postgres { get; } = Port(configuration, "COMMERCE_POSTGRES_PORT", 55432);
    public int Catalog { get; } = Port(configuration, "COMMERCE_CATALOG_PORT", 5101);
    public int Identity { get; } = Port(configuration, "COMMERCE_IDENTITY_PORT", 5103);
    public int Inventory { get; } = Port(configuration, "COMMERCE_INVENTORY_PORT", 5102);
    public int Customers { get; } = Port(configuration, "COMMERCE_CUSTOMERS_PORT", 5104);
    public int Gateway { get; } = Port(configuration, "COMMERCE_GATEWAY_PORT", 4000);
    public int Storefront { get; } = Port(configuration, "COMMERCE_STOREFRONT_PORT", 3000);
    public int Admin { get; } = Port(configuration, "COMMERCE_ADMIN_PORT", 5300);

    private static int Port(IConfiguration configuration, string key, int fallback) =>
        int.TryParse(configuration[key], out var port) ? port : fallback;
}
