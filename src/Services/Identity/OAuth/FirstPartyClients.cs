using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using PlatformPermissions = UnifiedCommerce.PlatformApi.Permissions;

namespace UnifiedCommerce.Identity.OAuth;

/// <summary>
/// The platform's own OAuth clients, whose secrets the deployment supplies by configuration and which are brought
/// up to date at every start (rotating a secret is a configuration change and a restart):
/// <list type="bullet">
/// <item><c>platform-operator</c> (<c>Identity:OperatorClientSecret</c>): client credentials with platform:administer
/// and no merchant.</item>
/// <item><c>storefront</c> (<c>Identity:StorefrontClientSecret</c>): the storefront server signs shoppers in with the
/// authorization code flow and PKCE. Its redirect URIs come from every store's registered host names (see
/// <see cref="StorefrontRedirects"/>), so they are not listed here.</item>
/// </list>
/// <item><c>admin</c> (<c>Identity:AdminClientSecret</c>, redirect URIs <c>Identity:AdminRedirectUris</c>): the
/// admin panel's backend signs staff in with the authorization code flow and PKCE.</item>
/// A client whose secret is not configured does not exist.
/// </summary>
internal sealed class FirstPartyClients(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<FirstPartyClients> logger)
    : IHostedLifecycleService
{
    public const string OperatorClientId = "platform-operator";
    public const string StorefrontClientId = "storefront";
    public const string AdminClientId = "admin";

    /// <summary>Scopes people's sign-in may ask for: identity, email address, and refresh tokens.</summary>
    public static readonly string[] SignInScopes = [Scopes.OpenId, Scopes.Email, Scopes.OfflineAccess];

    // Runs before the server starts listening, so no caller ever sees an old secret working after a rotation.
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var descriptor in Descriptors())
        {
            if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
            else
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
        }
    }

    private IEnumerable<OpenIddictApplicationDescriptor> Descriptors()
    {
        if (Secret("Identity:OperatorClientSecret", "no platform operator client; merchants cannot be administered") is { } operatorSecret)
        {
            yield return new OpenIddictApplicationDescriptor
            {
                ClientId = OperatorClientId,
                ClientSecret = operatorSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "Platform operators",
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.ClientCredentials,
                    Permissions.Prefixes.Scope + PlatformPermissions.PlatformAdminister,
                },
            };
        }

        if (Secret("Identity:StorefrontClientSecret", "shoppers cannot sign in to storefronts") is { } storefrontSecret)
        {
            yield return PeopleSignIn(StorefrontClientId, storefrontSecret, "Storefront");
        }

        if (Secret("Identity:AdminClientSecret", "staff cannot sign in to the admin") is { } adminSecret)
        {
            var admin = PeopleSignIn(AdminClientId, adminSecret, "Admin");
            foreach (var uri in (configuration["Identity:AdminRedirectUris"] ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                admin.RedirectUris.Add(new Uri(uri));
                admin.PostLogoutRedirectUris.Add(new Uri(new Uri(uri), "/"));
            }

            yield return admin;
        }
    }

    /// <summary>An app that signs people in: a confidential client of the authorization code flow with PKCE.</summary>
    private static OpenIddictApplicationDescriptor PeopleSignIn(string clientId, string secret, string displayName) => new()
    {
        ClientId = clientId,
        ClientSecret = secret,
        ClientType = ClientTypes.Confidential,
        ConsentType = ConsentTypes.Implicit,
        DisplayName = displayName,
        Permissions =
        {
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.Endpoints.EndSession,
            Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.ResponseTypes.Code,
            Permissions.Scopes.Email,
            Permissions.Prefixes.Scope + Scopes.OfflineAccess,
        },
        Requirements = { Requirements.Features.ProofKeyForCodeExchange },
    };

    private string? Secret(string key, string withoutIt)
    {
        if (configuration[key] is not { Length: > 0 } secret)
        {
            logger.LogWarning("{Key} is not set: {Consequence}.", key, withoutIt);
            return null;
        }

        return secret.Length >= 32 ? secret : throw new InvalidOperationException($"{key} must be at least 32 characters.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
