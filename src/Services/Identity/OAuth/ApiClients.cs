using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;
using static OpenIddict.Abstractions.OpenIddictConstants;
using PlatformPermissions = UnifiedCommerce.PlatformApi.Permissions;

namespace UnifiedCommerce.Identity.OAuth;

public sealed record ApiClientInput(string Name, IReadOnlyList<string>? Permissions);

public sealed record ApiClientCredentials(string ClientId, string ClientSecret, Guid MerchantId, IReadOnlyList<string> Permissions);

/// <summary>What a client's tokens carry: the merchant it acts for (none for the platform operators) and its permissions.</summary>
public sealed record ClientGrant(Guid? MerchantId, IReadOnlyList<string> Permissions);

/// <summary>
/// A merchant's API clients: confidential OAuth clients that obtain access tokens with the client credentials
/// grant. A client acts for exactly one merchant, with the permissions granted at creation; its secret is shown once.
/// </summary>
public sealed class ApiClients(IOpenIddictApplicationManager applications, IdentityDbContext db, TimeProvider clock)
{
    public const string MerchantProperty = "merchant_id";

    public async Task<ApiClientCredentials> CreateAsync(Guid merchantId, ApiClientInput input, CancellationToken cancellationToken)
    {
        var permissions = (input.Permissions ?? []).Distinct(StringComparer.Ordinal).ToList();
        var errors = new FieldErrors().RequireText("name", input.Name, 200);
        if (permissions.Count == 0 || permissions.Any(permission => !PlatformPermissions.All.Contains(permission)))
        {
            errors.Add("permissions", $"One or more of: {string.Join(", ", PlatformPermissions.All)}.");
        }

        errors.ThrowIfAny();

        if (!await db.Merchants.AnyAsync(merchant => merchant.Id == merchantId, cancellationToken))
        {
            throw new NotFoundException($"No merchant {merchantId}.");
        }

        var clientId = "mc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var secret = Base64UrlSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = input.Name.Trim(),
            Permissions = { OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var permission in permissions)
        {
            descriptor.Permissions.Add(OpenIddictConstants.Permissions.Prefixes.Scope + permission);
        }

        descriptor.Properties[MerchantProperty] = JsonSerializer.SerializeToElement(merchantId);
        await applications.CreateAsync(descriptor, cancellationToken);
        return new ApiClientCredentials(clientId, secret, merchantId, permissions);
    }

    /// <summary>
    /// Who a client's tokens speak for: its merchant and the permissions granted at creation, or, for the platform
    /// operator client, no merchant and the platform permission. Null for anything else.
    /// </summary>
    public async Task<ClientGrant?> DescribeAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var granted = (await applications.GetPermissionsAsync(application, cancellationToken))
            .Where(permission => permission.StartsWith(OpenIddictConstants.Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(permission => permission[OpenIddictConstants.Permissions.Prefixes.Scope.Length..])
            .ToList();
        if (clientId == FirstPartyClients.OperatorClientId)
        {
            return new ClientGrant(null, granted);
        }

        return MerchantOf(await applications.GetPropertiesAsync(application, cancellationToken)) is { } merchantId
            ? new ClientGrant(merchantId, granted)
            : null;
    }

    /// <summary>
    /// Removes a merchant's client: no new tokens from then on, and the tokens already issued are refused at once
    /// here and within seconds by every service (the revocation and its event commit with the deletion).
    /// </summary>
    public async Task DeleteAsync(Guid merchantId, string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null || MerchantOf(await applications.GetPropertiesAsync(application, cancellationToken)) != merchantId)
        {
            throw new NotFoundException($"Merchant {merchantId} has no API client {clientId}.");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.DeleteAsync(application, cancellationToken);
        db.RevokedApiClients.Add(new RevokedApiClient { ClientId = clientId, MerchantId = merchantId, RevokedAt = now });
        db.OutboxMessages.Add(OutboxMessage.From(new ApiClientRevoked
        {
            EventId = Guid.CreateVersion7(),
            MerchantId = merchantId,
            AggregateId = ApiClientRevoked.AggregateIdOf(clientId),
            AggregateVersion = 1,
            OccurredAt = now,
            ClientId = clientId,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Guid? MerchantOf(System.Collections.Immutable.ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(MerchantProperty, out var merchant) && merchant.ValueKind == JsonValueKind.String
            && Guid.TryParse(merchant.GetString(), out var merchantId)
            ? merchantId
            : null;

    private static string Base64UrlSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
