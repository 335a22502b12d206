using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Identity.Application;

/// <summary>Identity deletes API clients itself: it reads its own revocations uncached, so its APIs refuse a deleted client's tokens at once.</summary>
public sealed class IdentityRevokedApiClientReader(IdentityDbContext db) : IRevokedApiClientReader
{
    public Task<bool> IsRevokedAsync(string clientId, CancellationToken cancellationToken) =>
        db.RevokedApiClients.AsNoTracking().AnyAsync(client => client.ClientId == clientId, cancellationToken);
}
