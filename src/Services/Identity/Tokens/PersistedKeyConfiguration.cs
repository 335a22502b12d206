using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;

namespace UnifiedCommerce.Identity.Tokens;

/// <summary>
/// Gives the issuer its keys from the database, creating them on first start. Runs once, when the server options
/// are first built, before OpenIddict validates and sorts its credentials.
/// </summary>
internal sealed class PersistedKeyConfiguration(IServiceScopeFactory scopes, TimeProvider clock) : IConfigureOptions<OpenIddictServerOptions>
{
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(180);

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
        if (!keys.Any(k => k.Use == SigningKeyUse.Signing))
        {
            using var rsa = RSA.Create(2048);
            keys.Add(Add(db, SigningKeyUse.Signing, rsa.ExportPkcs8PrivateKey(), now));
            added = true;
        }

        if (!keys.Any(k => k.Use == SigningKeyUse.Encryption))
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

    private static SigningKey Add(IdentityDbContext db, SigningKeyUse use, byte[] material, DateTimeOffset now)
    {
        var key = new SigningKey { Use = use, Material = material, CreatedAt = now, ExpiresAt = now + KeyLifetime };
        db.SigningKeys.Add(key);
        return key;
    }
}
