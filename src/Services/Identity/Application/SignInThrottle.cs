using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Identity.Data;

namespace UnifiedCommerce.Identity.Application;

/// <summary>
/// Limits password attempts (and sign-ups and reset requests) per client address and per account (merchant and
/// address), before any password is checked. Counted in the database, so every Identity instance enforces the
/// same budget and a restart forgets nothing. A sliding window of ten one-minute buckets: a burst is cut off,
/// and attempts come back as the window moves on.
/// </summary>
public sealed class SignInThrottle(IdentityDbContext db, TimeProvider clock)
{
    public const int AttemptsPerAddress = 30;
    public const int AttemptsPerAccount = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Bucket = TimeSpan.FromMinutes(1);

    /// <summary>Takes one attempt from the address's budget, then from the account's; false when either is spent.</summary>
    public async Task<bool> TryAcquireAsync(Guid? merchantId, string normalizedEmail, string? clientAddress, CancellationToken cancellationToken) =>
        await TryTakeAsync(Key("address", clientAddress ?? "unknown"), AttemptsPerAddress, cancellationToken)
        && await TryTakeAsync(Key("account", $"{merchantId:N}/{normalizedEmail}"), AttemptsPerAccount, cancellationToken);

    // Hashed: a fixed size whatever a caller types as an address, and no addresses kept in the clear.
    private static string Key(string kind, string value) => $"{kind}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))}";

    /// <summary>Counts the attempt and answers whether the window still had room for it, in one statement.</summary>
    private async Task<bool> TryTakeAsync(string key, int permits, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var bucket = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % Bucket.Ticks), TimeSpan.Zero);
        var since = bucket - Window + Bucket;
        // Not composed (no LINQ on top): PostgreSQL allows a writing WITH only at the top level.
        var counted = (await db.Database.SqlQuery<int>($"""
            WITH counted AS (
                INSERT INTO sign_in_attempts (key, bucket, attempts) VALUES ({key}, {bucket}, 1)
                ON CONFLICT (key, bucket) DO UPDATE SET attempts = sign_in_attempts.attempts + 1
                RETURNING attempts)
            SELECT ((SELECT attempts FROM counted)
                + coalesce((SELECT sum(attempts) FROM sign_in_attempts WHERE key = {key} AND bucket >= {since} AND bucket < {bucket}), 0))::int AS "Value"
            """).ToListAsync(cancellationToken)).Single();
        if (Random.Shared.Next(100) == 0)
        {
            // Now and then, forget buckets no window reaches any more.
            await db.Database.ExecuteSqlAsync($"DELETE FROM sign_in_attempts WHERE bucket < {since}", cancellationToken);
        }

        return counted <= permits;
    }
}

/// <summary>One key's attempts in one minute (see <see cref="SignInThrottle"/>).</summary>
public sealed class SignInAttempts
{
    public required string Key { get; set; }
    public DateTimeOffset Bucket { get; set; }
    public int Attempts { get; set; }
}
