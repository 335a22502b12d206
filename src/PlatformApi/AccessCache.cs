using Microsoft.Extensions.Caching.Memory;

namespace UnifiedCommerce.PlatformApi;

/// <summary>
/// The local copies of Identity's decisions (merchant standing, staff access, revoked API clients) are asked once
/// per request. A two-second cache makes that nearly free and bounds how long a change takes to count.
/// </summary>
public static class AccessCache
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    public static async Task<T> GetOrLoadAsync<T>(IMemoryCache cache, object key, Func<Task<T>> load) =>
        (await cache.GetOrCreateAsync(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return load();
        }))!;
}
