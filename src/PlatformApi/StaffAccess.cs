using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;

namespace UnifiedCommerce.PlatformApi;

/// <summary>
/// Answers "what may this staff member do for this merchant now?": the permissions of their current role, or
/// none when they no longer work there. Null means "not known here" and leaves the token's permissions as they
/// are. Identity answers from its own tables, every other service from its copy (IdentityReadModels).
/// </summary>
public interface IStaffAccessReader
{
    Task<IReadOnlySet<string>?> CurrentPermissionsAsync(Guid merchantId, Guid accountId, CancellationToken cancellationToken);
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
