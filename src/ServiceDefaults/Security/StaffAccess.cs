using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.ServiceDefaults.Messaging;
using UnifiedCommerce.ServiceDefaults.Tenancy;

namespace UnifiedCommerce.ServiceDefaults.Security;

/// <summary>
/// Answers "what may this staff member do for this merchant now?": the permissions of their current role, or
/// none when they no longer work there. Null means "not known here" and leaves the token's permissions as they
/// are. Identity answers from its own tables, every other service from its copy (<see cref="LocalStaffAccessReader"/>).
/// </summary>
public interface IStaffAccessReader
{
    Task<IReadOnlySet<string>?> CurrentPermissionsAsync(Guid merchantId, Guid accountId, CancellationToken cancellationToken);
}

/// <summary>
/// What a service knows of one staff member's access at one merchant, kept current from Identity's
/// StaffAccessChanged events: a copy in the service's own database, so no request waits on Identity.
/// </summary>
public sealed class StaffAccessState
{
    public Guid MerchantId { get; set; }
    public Guid AccountId { get; set; }
    public bool IsMember { get; set; }
    public List<string> Permissions { get; set; } = [];
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Reads the local copy. No copy yet (Identity's event is still on its way, or predates this service) leaves the
/// token's permissions as they are: every change after a token was issued arrives as an event.
/// </summary>
public sealed class LocalStaffAccessReader(TenantDbContext db) : IStaffAccessReader
{
    public async Task<IReadOnlySet<string>?> CurrentPermissionsAsync(Guid merchantId, Guid accountId, CancellationToken cancellationToken)
    {
        var state = await db.StaffAccess.AsNoTracking()
            .FirstOrDefaultAsync(s => s.MerchantId == merchantId && s.AccountId == accountId, cancellationToken);
        return state is null ? null : state.IsMember ? state.Permissions.ToHashSet() : new HashSet<string>();
    }
}

/// <summary>Keeps the local copy of staff access; the newest version wins, redeliveries change nothing.</summary>
public static class StaffAccessChangedHandler
{
    public static async Task Handle(StaffAccessChanged change, TenantDbContext db, ILogger<StaffAccessChanged> logger, CancellationToken cancellationToken)
    {
        var state = await db.StaffAccess.FirstOrDefaultAsync(s => s.MerchantId == change.MerchantId && s.AccountId == change.AggregateId, cancellationToken);
        if (state is null)
        {
            state = new StaffAccessState { MerchantId = change.MerchantId, AccountId = change.AggregateId };
            db.StaffAccess.Add(state);
        }
        else if (state.Version >= change.AggregateVersion)
        {
            logger.LogDebug("StaffAccessChanged {EventId} is not newer than version {Version}.", change.EventId, state.Version);
            return;
        }

        state.IsMember = change.IsMember;
        state.Permissions = [.. change.Permissions];
        state.Version = change.AggregateVersion;
        state.UpdatedAt = change.OccurredAt;
        await db.SaveProcessedAsync(change, cancellationToken);
    }
}

/// <summary>
/// A staff token's permissions are those of the role when the token was issued; a role changed or a person
/// removed since then must count within seconds, not when the token expires. So, once per request, a staff
/// caller keeps only the permissions that both the token and the current role grant. REST policies and GraphQL
/// field rules then check the narrowed caller, with no change of their own.
/// </summary>
public sealed class StaffAccessMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IStaffAccessReader reader, IMemoryCache cache)
    {
        var user = context.User;
        if (user.IsStaff() && user.MerchantOf() is { } merchantId && user.AccountOf() is { } accountId)
        {
            var current = await AccessCache.GetOrLoadAsync(cache, ("staff-access", merchantId, accountId),
                () => reader.CurrentPermissionsAsync(merchantId, accountId, context.RequestAborted));
            if (current is not null)
            {
                context.User = Narrowed(user, current);
            }
        }

        await next(context);
    }

    private static ClaimsPrincipal Narrowed(ClaimsPrincipal user, IReadOnlySet<string> current)
    {
        var identity = ((ClaimsIdentity)user.Identity!).Clone();
        var granted = identity.FindAll(Caller.ScopeClaim).SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        foreach (var claim in identity.FindAll(Caller.ScopeClaim).ToList())
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaim(new Claim(Caller.ScopeClaim, string.Join(' ', granted.Where(scope => current.Contains(scope) || !scope.Contains(':', StringComparison.Ordinal)))));
        return new ClaimsPrincipal(identity);
    }
}

public static class StaffAccessRegistration
{
    public static IServiceCollection AddStaffAccess(this IServiceCollection services)
    {
        services.TryAddScoped<IStaffAccessReader, LocalStaffAccessReader>();
        return services;
    }
}
