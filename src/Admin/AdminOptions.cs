namespace UnifiedCommerce.Admin;

/// <summary>
/// Where the admin backend finds the platform and who it is to Identity (configuration section <c>Admin</c>).
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Identity's base URL: the OpenID Connect authority and the REST API behind <c>/bff/api/identity</c>.</summary>
    public string IdentityUrl { get; set; } = "";

    /// <summary>The GraphQL gateway's base URL, behind <c>/bff/graphql</c>.</summary>
    public string GatewayUrl { get; set; } = "";

    /// <summary>
    /// Catalog's base URL: its REST API behind <c>/bff/api/catalog</c> (media uploads, CSV imports and exports, which
    /// GraphQL does not carry) and its product images behind <c>/media</c>.
    /// </summary>
    public string CatalogUrl { get; set; } = "";

    /// <summary>The secret of the OAuth client <c>admin</c> (Identity:AdminClientSecret at Identity).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// The address people open the admin at (for example http://127.0.0.1:5300). The sign-in callback and the
    /// address to return to after signing out are built from it, so they match what Identity has registered.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>Where ASP.NET Data Protection keeps its keys, so a restart keeps everyone's session.</summary>
    public string? KeysDirectory { get; set; }

    /// <summary>The built single-page app (web/admin/dist); defaults to the repository's, relative to the content root.</summary>
    public string? SpaDirectory { get; set; }

    /// <summary>Production requires HTTPS to Identity's metadata; local runs speak plain HTTP on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How long before expiry an access token is renewed, so it does not run out on its way to a service.</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromSeconds(60);

    public string PublicOrigin => PublicUrl.TrimEnd('/');

    public Uri IdentityBase => new(IdentityUrl.TrimEnd('/') + "/");

    public Uri GatewayBase => new(GatewayUrl.TrimEnd('/') + "/");

    public Uri CatalogBase => new(CatalogUrl.TrimEnd('/') + "/");
}
