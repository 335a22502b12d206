using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Domain;

namespace UnifiedCommerce.Identity.OAuth;

/// <summary>
/// One storefront deployment serves every store, each on its own host names, and merchants add hosts at any time;
/// so instead of a fixed list, the storefront client's redirect URIs are derived from the registered hosts of the
/// active stores (see <see cref="StoreAddresses"/>). Other clients keep OpenIddict's exact matching.
/// </summary>
public sealed class StorefrontRedirects<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store,
    IServiceProvider services)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store)
    where TApplication : class
{
    public override async ValueTask<bool> ValidateRedirectUriAsync(TApplication application, string uri, CancellationToken cancellationToken = default) =>
        await IsStorefrontAsync(application, cancellationToken)
            ? await StoreAddresses.StoreOfCallbackAsync(services, uri, cancellationToken) is not null
            : await base.ValidateRedirectUriAsync(application, uri, cancellationToken);

    public override async ValueTask<bool> ValidatePostLogoutRedirectUriAsync(TApplication application, string uri, CancellationToken cancellationToken = default) =>
        await IsStorefrontAsync(application, cancellationToken)
            ? await StoreAddresses.StoreOfSignOutReturnAsync(services, uri, cancellationToken) is not null
            : await base.ValidatePostLogoutRedirectUriAsync(application, uri, cancellationToken);

    private async ValueTask<bool> IsStorefrontAsync(TApplication application, CancellationToken cancellationToken) =>
        await GetClientIdAsync(application, cancellationToken) == FirstPartyClients.StorefrontClientId;
}

/// <summary>
/// The storefront addresses a store registered, and which store an address belongs to. A store registers host
/// names (with a port where it is not the default); from each come exactly two addresses, the contract with the
/// storefront: <c>{scheme}://{host}/auth/callback</c> after sign-in and <c>{scheme}://{host}/</c> after sign-out.
/// The scheme is https, and outside production http too.
/// </summary>
public static class StoreAddresses
{
    public const string CallbackPath = "/auth/callback";
    public const string SignOutReturnPath = "/";

    /// <summary>The active store whose sign-in callback this is, or null.</summary>
    public static Task<Merchant?> StoreOfCallbackAsync(IServiceProvider services, string? uri, CancellationToken cancellationToken) =>
        StoreOfAsync(services, uri, CallbackPath, cancellationToken);

    /// <summary>The active store whose after-sign-out address this is, or null.</summary>
    public static Task<Merchant?> StoreOfSignOutReturnAsync(IServiceProvider services, string? uri, CancellationToken cancellationToken) =>
        StoreOfAsync(services, uri, SignOutReturnPath, cancellationToken);

    /// <summary>The addresses a store registered for one path, in every scheme allowed here.</summary>
    public static IEnumerable<string> RegisteredAddresses(Merchant merchant, string path, bool production) =>
        from scheme in production ? ProductionSchemes : LocalSchemes
        from host in merchant.Hosts
        select $"{scheme}://{host.Authority}{path}";

    private static readonly string[] ProductionSchemes = ["https"];
    private static readonly string[] LocalSchemes = ["https", "http"];

    private static async Task<Merchant?> StoreOfAsync(IServiceProvider services, string? uri, string path, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var address))
        {
            return null;
        }

        // The parsed host only says which store to look at. The address itself must be one the store registered,
        // character for character: anything that merely parses to the same place (another port, case, a trailing
        // dot, dot segments, percent-encoding, a query) would let a code or a session travel somewhere else.
        var merchant = await services.GetRequiredService<Merchants>().FindByHostAsync(address.Host, cancellationToken);
        var production = services.GetRequiredService<IHostEnvironment>().IsProduction();
        return merchant is { Status: MerchantStatus.Active } && RegisteredAddresses(merchant, path, production).Contains(uri, StringComparer.Ordinal)
            ? merchant
            : null;
    }
}
