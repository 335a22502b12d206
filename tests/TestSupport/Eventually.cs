namespace UnifiedCommerce.TestSupport;

/// <summary>Polls until a condition holds: messaging is asynchronous, so its effects are awaited, never slept on.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var value = await probe();
            if (value is not null && !Equals(value, default(T)))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeoutSeconds} s waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> probe, string what, int timeoutSeconds = 30) =>
        await GetAsync(async () => await probe() ? "yes" : null, what, timeoutSeconds);
}
