using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.IdentityReadModels;

/// <summary>
/// An API client Identity has deleted, as a service knows it from Identity's ApiClientRevoked events: a copy in
/// the service's own database, so no request waits on Identity.
/// </summary>
public sealed class RevokedApiClient
{
    public string ClientId { get; set; } = "";
    public Guid MerchantId { get; set; }
    public DateTimeOffset RevokedAt { get; set; }
}

/// <summary>Reads the local copy through the short cache.</summary>
public sealed class LocalRevokedApiClientReader(TenantDbContext db, IMemoryCache cache) : IRevokedApiClientReader
{
    public Task<bool> IsRevokedAsync(string clientId, CancellationToken cancellationToken) =>
        AccessCache.GetOrLoadAsync(cache, ("api-client-revoked", clientId), () => db.IsRevokedAsync(clientId, cancellationToken));
}

public static class RevokedApiClients
{
    public static Task<bool> IsRevokedAsync(this TenantDbContext db, string clientId, CancellationToken cancellationToken) =>
        db.Set<RevokedApiClient>().AsNoTracking().AnyAsync(client => client.ClientId == clientId, cancellationToken);
}

/// <summary>Keeps the local copy of revoked API clients; a revocation is final, so redeliveries change nothing.</summary>
public static class ApiClientRevokedHandler
{
    public static async Task Handle(ApiClientRevoked revoked, TenantDbContext db, ILogger<ApiClientRevoked> logger, CancellationToken cancellationToken)
    {
        if (await db.IsRevokedAsync(revoked.ClientId, cancellationToken))
        {
            logger.LogDebug("ApiClientRevoked {EventId}: client {ClientId} is already revoked here.", revoked.EventId, revoked.ClientId);
            return;
        }

        db.Set<RevokedApiClient>().Add(new RevokedApiClient { ClientId = revoked.ClientId, MerchantId = revoked.MerchantId, RevokedAt = revoked.OccurredAt });
        await db.SaveProcessedAsync(revoked, cancellationToken);
    }
}
