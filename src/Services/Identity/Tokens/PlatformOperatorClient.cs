using OpenIddict.Abstractions;
using PlatformPermissions = UnifiedCommerce.Contracts.Permissions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace UnifiedCommerce.Identity.Tokens;

/// <summary>
/// The platform operators' API client (<c>platform-operator</c>): client credentials with the platform:administer
/// permission and no merchant. Its secret comes from configuration (<c>Identity:OperatorClientSecret</c>, kept by the
/// deployment), and is brought up to date at every start, so rotating it is a configuration change and a restart.
/// Without a configured secret there is no operator client at all.
/// </summary>
internal sealed class PlatformOperatorClient(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<PlatformOperatorClient> logger)
    : IHostedLifecycleService
{
    public const string ClientId = "platform-operator";

    // Runs before the server starts listening, so no caller ever sees the old secret working after a rotation.
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (configuration["Identity:OperatorClientSecret"] is not { Length: > 0 } secret)
        {
            logger.LogWarning("Identity:OperatorClientSecret is not set: no platform operator client; merchants cannot be administered.");
            return;
        }

        if (secret.Length < 32)
        {
            throw new InvalidOperationException("Identity:OperatorClientSecret must be at least 32 characters.");
        }

        using var scope = scopes.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Platform operators",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + PlatformPermissions.PlatformAdminister,
            },
        };

        if (await applications.FindByClientIdAsync(ClientId, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
