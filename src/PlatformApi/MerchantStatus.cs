using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace UnifiedCommerce.PlatformApi;

/// <summary>
/// Answers "is this merchant suspended?"; Identity answers from its own merchants, every other service from its copy
/// of Identity's MerchantChanged events (IdentityReadModels).
/// </summary>
public interface IMerchantStatusReader
{
    Task<bool> IsSuspendedAsync(Guid merchantId, CancellationToken cancellationToken);
}

/// <summary>A suspension takes effect within seconds, at no database cost per request.</summary>
public static class MerchantStatusCache
{
    public static Task<bool> GetOrLoadAsync(IMemoryCache cache, Guid merchantId, Func<Task<bool>> load) =>
        AccessCache.GetOrLoadAsync(cache, ("merchant-suspended", merchantId), load);
}

/// <summary>Refuses every request made for a suspended merchant, before any of the service's own code runs.</summary>
public sealed class SuspendedMerchantMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IMerchantContext merchant, IMerchantStatusReader status)
    {
        if (merchant.MerchantId is { } merchantId && await status.IsSuspendedAsync(merchantId, context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await Results.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "This store is suspended.",
                Detail = "The merchant's account is suspended; its APIs and storefront are closed until it is reactivated.",
                Type = "https://unified-commerce.dev/problems/merchant-suspended",
            }).ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
