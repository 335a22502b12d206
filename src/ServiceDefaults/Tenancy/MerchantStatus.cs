using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.ServiceDefaults.Messaging;
using UnifiedCommerce.ServiceDefaults.Security;

namespace UnifiedCommerce.ServiceDefaults.Tenancy;

/// <summary>
/// What a service knows of a merchant's standing, kept current from Identity's MerchantChanged events: a copy
/// in the service's own database, so no request waits on another service.
/// </summary>
public sealed class MerchantState
{
    public Guid MerchantId { get; set; }
    public bool IsSuspended { get; set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Answers "is this merchant suspended?"; Identity answers from its own merchants, other services from their copy.</summary>
public interface IMerchantStatusReader
{
    Task<bool> IsSuspendedAsync(Guid merchantId, CancellationToken cancellationToken);
}

/// <summary>Reads the local copy through the shared two-second cache.</summary>
public sealed class LocalMerchantStatusReader(TenantDbContext db, IMemoryCache cache) : IMerchantStatusReader
{
    public Task<bool> IsSuspendedAsync(Guid merchantId, CancellationToken cancellationToken) =>
        MerchantStatusCache.GetOrLoadAsync(cache, merchantId, () =>
            db.MerchantStates.AsNoTracking()
                .Where(state => state.MerchantId == merchantId)
                .Select(state => state.IsSuspended)
                .FirstOrDefaultAsync(cancellationToken));
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

/// <summary>Keeps the local copy of merchant standing; the newest version wins, redeliveries change nothing.</summary>
public static class MerchantChangedHandler
{
    public static async Task Handle(MerchantChanged change, TenantDbContext db, ILogger<MerchantChanged> logger, CancellationToken cancellationToken)
    {
        var state = await db.MerchantStates.FirstOrDefaultAsync(s => s.MerchantId == change.MerchantId, cancellationToken);
        if (state is null)
        {
            state = new MerchantState { MerchantId = change.MerchantId };
            db.MerchantStates.Add(state);
        }
        else if (state.Version >= change.AggregateVersion)
        {
            logger.LogDebug("MerchantChanged {EventId} is not newer than version {Version}.", change.EventId, state.Version);
            return;
        }

        state.IsSuspended = change.IsSuspended;
        state.Version = change.AggregateVersion;
        state.UpdatedAt = change.OccurredAt;
        await db.SaveProcessedAsync(change, cancellationToken);
    }
}
