using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;

namespace UnifiedCommerce.Identity.OAuth;

/// <summary>
/// Gives the issuer its keys from the database, creating them on first start, and rotates them: a key signs (or
/// encrypts) new tokens for <c>Identity:SigningKeys:RotateAfterDays</c> (default 90), then a new key takes over at
/// the next start while the old one stays published for validation long enough to outlive every token it made
/// (refresh tokens last two weeks). Runs once, when the server options are first built, before OpenIddict
/// validates and sorts its credentials. Several instances share the keys through the database.
/// </summary>
internal sealed class PersistedKeyConfiguration(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock) : IConfigureOptions<OpenIddictServerOptions>
{
    /// <summary>How long a retired key stays published: longer than any token it signed can live.</summary>
    private static readonly TimeSpan RetiredKeyLifetime = TimeSpan.FromDays(30);

    private TimeSpan RotateAfter => TimeSpan.FromDays(configuration.GetValue("Identity:SigningKeys:RotateAfterDays", 90.0));

    public void Configure(OpenIddictServerOptions options)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var keys = LoadOrCreateAsync(db).GetAwaiter().GetResult();

        foreach (var key in keys.Where(k => k.Use == SigningKeyUse.Signing).OrderByDescending(k => k.CreatedAt))
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(key.Material, out _);
            options.SigningCredentials.Add(new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = key.Id.ToString("N") }, SecurityAlgorithms.RsaSha256));
        }

        foreach (var key in keys.Where(k => k.Use == SigningKeyUse.Encryption).OrderByDescending(k => k.CreatedAt))
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(
                new SymmetricSecurityKey(key.Material) { KeyId = key.Id.ToString("N") }, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }

    private async Task<List<SigningKey>> LoadOrCreateAsync(IdentityDbContext db)
    {
        var now = clock.GetUtcNow();
        var keys = await db.SigningKeys.AsNoTracking().Where(k => k.ExpiresAt > now).ToListAsync();
        var added = false;
        if (!IsCurrent(keys, SigningKeyUse.Signing, now))
        {
            using var rsa = RSA.Create(2048);
            keys.Add(Add(db, SigningKeyUse.Signing, rsa.ExportPkcs8PrivateKey(), now));
            added = true;
        }

        if (!IsCurrent(keys, SigningKeyUse.Encryption, now))
        {
            keys.Add(Add(db, SigningKeyUse.Encryption, RandomNumberGenerator.GetBytes(32), now));
            added = true;
        }

        if (added)
        {
            await db.SaveChangesAsync();
        }

        return keys;
    }

    /// <summary>Whether the newest key of this use is still within its signing period.</summary>
    private bool IsCurrent(List<SigningKey> keys, SigningKeyUse use, DateTimeOffset now) =>
        keys.Where(k => k.Use == use).Select(k => (DateTimeOffset?)k.CreatedAt).Max() is { } newest && newest + RotateAfter > now;

    private SigningKey Add(IdentityDbContext db, SigningKeyUse use, byte[] material, DateTimeOffset now)
    {
        var key = new SigningKey { Use = use, Material = material, CreatedAt = now, ExpiresAt = now + RotateAfter + RetiredKeyLifetime };
        db.SigningKeys.Add(key);
        return key;
    }
}
