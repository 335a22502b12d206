using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Domain;

namespace UnifiedCommerce.Identity.Tokens;

/// <summary>
/// One storefront deployment serves every store, each on its own host names, and merchants add hosts at any time;
/// so instead of a fixed list, the storefront client may be sent back to <c>/auth/callback</c> (after sign-in) or
/// to any page (after sign-out) on the host of an active store. Other clients keep OpenIddict's exact matching.
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
    public const string CallbackPath = "/auth/callback";

    public override async ValueTask<bool> ValidateRedirectUriAsync(TApplication application, string uri, CancellationToken cancellationToken = default) =>
        await IsStorefrontAsync(application, cancellationToken)
            ? await StoreAddresses.StoreOfAsync(services, uri, CallbackPath, cancellationToken) is not null
            : await base.ValidateRedirectUriAsync(application, uri, cancellationToken);

    public override async ValueTask<bool> ValidatePostLogoutRedirectUriAsync(TApplication application, string uri, CancellationToken cancellationToken = default) =>
        await IsStorefrontAsync(application, cancellationToken)
            ? await StoreAddresses.StoreOfAsync(services, uri, requiredPath: null, cancellationToken) is not null
            : await base.ValidatePostLogoutRedirectUriAsync(application, uri, cancellationToken);

    private async ValueTask<bool> IsStorefrontAsync(TApplication application, CancellationToken cancellationToken) =>
        await GetClientIdAsync(application, cancellationToken) == FirstPartyClients.StorefrontClientId;
}

/// <summary>Which store a storefront address belongs to.</summary>
public static class StoreAddresses
{
    /// <summary>
    /// The active store a storefront address belongs to, by its host; null for any other address (another scheme,
    /// user info, a fragment, a host no store uses, a suspended store, or a path other than the one required).
    /// </summary>
    public static async Task<Merchant?> StoreOfAsync(IServiceProvider services, string? uri, string? requiredPath, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var address)
            || address.Scheme is not ("http" or "https")
            || address.UserInfo.Length > 0
            || address.Fragment.Length > 0
            || (requiredPath is not null && (address.AbsolutePath != requiredPath || address.Query.Length > 0)))
        {
            return null;
        }

        var merchant = await services.GetRequiredService<Merchants>().FindByHostAsync(address.Host, cancellationToken);
        return merchant is { Status: MerchantStatus.Active } ? merchant : null;
    }
}
