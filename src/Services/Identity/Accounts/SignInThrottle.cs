using System.Threading.RateLimiting;

namespace UnifiedCommerce.Identity.Accounts;

/// <summary>
/// Limits password attempts per client address and per account (merchant and address), before any password is
/// checked. Sliding windows: a burst is cut off, and attempts come back as the window moves on. Kept in memory:
/// one Identity instance enforces it exactly; with several, each enforces its share (the account lockout, kept
/// in the database, is exact everywhere).
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const int AttemptsPerAddress = 30;
    public const int AttemptsPerAccount = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly PartitionedRateLimiter<string> _perAddress = Limiter(AttemptsPerAddress);
    private readonly PartitionedRateLimiter<string> _perAccount = Limiter(AttemptsPerAccount);

    /// <summary>Takes one attempt from both budgets; false when either is spent.</summary>
    public bool TryAcquire(Guid? merchantId, string normalizedEmail, string? clientAddress)
    {
        using var address = _perAddress.AttemptAcquire(clientAddress ?? "unknown");
        if (!address.IsAcquired)
        {
            return false;
        }

        using var account = _perAccount.AttemptAcquire($"{merchantId:N}/{normalizedEmail}");
        return account.IsAcquired;
    }

    private static PartitionedRateLimiter<string> Limiter(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            SegmentsPerWindow = 10,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public void Dispose()
    {
        _perAddress.Dispose();
        _perAccount.Dispose();
    }
}
