using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Admin.Tests;

/// <summary>
/// A real PostgreSQL, Identity, Catalog and the admin backend, with two stores and one person who works for both
/// (owner of the first, staff at the second), shared by the tests.
/// </summary>
public sealed class AdminPlatform : IAsyncLifetime
{
    private readonly int _adminPort = PlatformDatabase.FreePort();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"commerce-admin-tests-{Guid.NewGuid():N}");

    public PlatformDatabase Database { get; } = new();
    public PlatformIdentity Identity { get; private set; } = null!;
    public ServiceProcess Catalog { get; private set; } = null!;
    public AppProcess Admin { get; private set; } = null!;

    public Guid FirstStore { get; private set; }
    public Guid SecondStore { get; private set; }

    /// <summary>Owner of the first store and Staff at the second.</summary>
    public StaffSession Owner { get; private set; } = null!;

    public Uri AdminAddress => new($"http://127.0.0.1:{_adminPort}");

    /// <summary>The page the admin serves for every screen (the built SPA's stand-in).</summary>
    public const string SpaPage = "<!doctype html><html><body><div id=\"root\">admin app</div></body></html>";

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Identity = await PlatformIdentity.StartAsync(Database, new Dictionary<string, string>
        {
            // The test support's own admin client signs staff in too (StaffOnboarding), so both callbacks are registered.
            ["Identity__AdminRedirectUris"] = $"{PlatformIdentity.AdminRedirectUri} {AdminAddress}auth/callback",
        });

        Catalog = await ServiceProcess.StartAsync("Catalog", Database, identity: Identity);

        (FirstStore, _) = await Identity.NewStoreAsync("Harbor Outfitters");
        (SecondStore, _) = await Identity.NewStoreAsync("Meadow Home");
        Owner = await Identity.OwnerOfAsync(FirstStore);
        var secondOwner = await Identity.OwnerOfAsync(SecondStore);
        await Identity.InviteAsync(secondOwner, "staff", Owner.Email);

        Directory.CreateDirectory(Path.Combine(_folder, "spa"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "spa", "index.html"), SpaPage);
        Admin = await StartAdminAsync();
    }

    private Task<AppProcess> StartAdminAsync(IDictionary<string, string>? extra = null) => AppProcess.StartAsync("The admin backend", "Admin", "UnifiedCommerce.Admin", _adminPort, new Dictionary<string, string>(extra ?? new Dictionary<string, string>())
    {
        ["Admin__IdentityUrl"] = Identity.Issuer,
        // The gateway passes GraphQL on with the caller's token; Identity's own subgraph stands in for it here.
        ["Admin__GatewayUrl"] = Identity.Issuer,
        ["Admin__CatalogUrl"] = Catalog.Http.BaseAddress!.ToString(),
        ["Admin__ClientSecret"] = Identity.AdminSecret,
        ["Admin__PublicUrl"] = AdminAddress.ToString(),
        ["Admin__KeysDirectory"] = Path.Combine(_folder, "keys"),
        ["Admin__SpaDirectory"] = Path.Combine(_folder, "spa"),
        ["Admin__RequireHttpsMetadata"] = "false",
    });

    /// <summary>Restarts the admin backend, with extra settings for this run only.</summary>
    public async Task RestartAdminAsync(IDictionary<string, string>? extra = null)
    {
        await Admin.DisposeAsync();
        Admin = await StartAdminAsync(extra);
    }

    public AdminBrowser NewBrowser() => new(AdminAddress);

    /// <summary>
    /// Another owner of the first store, invited by the first. Identity allows an account ten password attempts in
    /// ten minutes, so tests that only need someone signed in each bring their own person.
    /// </summary>
    public Task<StaffSession> NewOwnerAsync() => Identity.InviteAsync(Owner, "owner");

    public async Task DisposeAsync()
    {
        await Admin.DisposeAsync();
        await Catalog.DisposeAsync();
        await Identity.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>One admin platform for every test class: starting PostgreSQL, Identity, Catalog and the admin takes a while.</summary>
[CollectionDefinition(Name)]
public sealed class AdminCollection : ICollectionFixture<AdminPlatform>
{
    public const string Name = "admin platform";
}
