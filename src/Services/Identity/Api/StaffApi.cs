using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;
using PlatformPermissions = UnifiedCommerce.PlatformApi.Permissions;

namespace UnifiedCommerce.Identity.Api;

public sealed record StaffResponse(IReadOnlyList<StaffListing> Members, IReadOnlyList<InvitationListing> Invitations);

public sealed record SecurityEventResponse(
    Guid Id, string Kind, DateTimeOffset OccurredAt, string Email, Guid? AccountId, Guid? ActorAccountId, string? ActorEmail, string? Detail,
    string? ClientAddress, string? UserAgent);

/// <summary>
/// A merchant's staff administration (staff:manage), its security log (security:read), and a person's own list
/// of merchants (the merchant switcher). The merchant is the one the staff member's token acts for.
/// </summary>
public static class StaffApi
{
    public const int MaxSecurityEvents = 100;

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/v1").WithTags("Staff").RequirePermission(PlatformPermissions.StaffManage);

        staff.MapGet("/staff", async (StaffDirectory directory, CancellationToken ct) =>
        {
            var (members, invitations) = await directory.ListAsync(ct);
            return Results.Ok(new StaffResponse(members, invitations));
        });

        staff.MapPost("/staff/invitations", async (ClaimsPrincipal user, InvitationInput input, StaffDirectory directory, CancellationToken ct) =>
        {
            var invitation = await directory.InviteAsync(await directory.ActorAsync(user, ct), input, ct);
            return Results.Created($"/api/v1/staff/invitations/{invitation.Id}", invitation);
        });

        staff.MapDelete("/staff/invitations/{id:guid}", async (Guid id, ClaimsPrincipal user, StaffDirectory directory, CancellationToken ct) =>
        {
            await directory.RevokeInvitationAsync(await directory.ActorAsync(user, ct), id, ct);
            return Results.NoContent();
        });

        staff.MapPut("/staff/{accountId:guid}/role", async (Guid accountId, RoleAssignmentInput input, ClaimsPrincipal user, StaffDirectory directory, CancellationToken ct) =>
            Results.Ok(await directory.AssignRoleAsync(await directory.ActorAsync(user, ct), accountId, input, ct)));

        staff.MapDelete("/staff/{accountId:guid}", async (Guid accountId, ClaimsPrincipal user, StaffDirectory directory, CancellationToken ct) =>
        {
            await directory.RemoveAsync(await directory.ActorAsync(user, ct), accountId, ct);
            return Results.NoContent();
        });

        staff.MapGet("/roles", async (StaffDirectory directory, CancellationToken ct) => Results.Ok(await directory.RolesAsync(ct)));

        staff.MapPost("/roles", async (ClaimsPrincipal user, RoleInput input, StaffDirectory directory, CancellationToken ct) =>
        {
            var role = await directory.DefineRoleAsync(await directory.ActorAsync(user, ct), input, ct);
            return Results.Created($"/api/v1/roles/{role.Id}", role);
        });

        staff.MapPut("/roles/{id:guid}", async (Guid id, ClaimsPrincipal user, RoleInput input, StaffDirectory directory, CancellationToken ct) =>
            Results.Ok(await directory.ChangeRoleAsync(await directory.ActorAsync(user, ct), id, input, ct)));

        staff.MapDelete("/roles/{id:guid}", async (Guid id, ClaimsPrincipal user, StaffDirectory directory, CancellationToken ct) =>
        {
            await directory.DeleteRoleAsync(await directory.ActorAsync(user, ct), id, ct);
            return Results.NoContent();
        });

        endpoints.MapGet("/api/v1/security-events", async (DateTimeOffset? before, int? limit, IMerchantContext merchant, IdentityDbContext db, CancellationToken ct) =>
        {
            var merchantId = merchant.RequireMerchantId();
            var take = Math.Clamp(limit ?? 50, 1, MaxSecurityEvents);
            var events = db.SecurityEvents.AsNoTracking().Where(e => e.MerchantId == merchantId);
            if (before is { } cursor)
            {
                events = events.Where(e => e.OccurredAt < cursor);
            }

            var page = await events.OrderByDescending(e => e.OccurredAt).Take(take).ToListAsync(ct);
            // Who made each change, by address (an actor whose account was deleted since stays an id).
            var actorIds = page.Where(e => e.ActorAccountId is not null).Select(e => e.ActorAccountId!.Value).Distinct().ToList();
            var actors = await db.Accounts.AsNoTracking().Where(a => actorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Email, ct);
            return Results.Ok(page.Select(e => new SecurityEventResponse(
                e.Id, e.Kind.ToString(), e.OccurredAt, e.Email, e.AccountId, e.ActorAccountId,
                e.ActorAccountId is { } actor ? actors.GetValueOrDefault(actor) : null, e.Detail, e.ClientAddress, e.UserAgent)));
        }).WithTags("Staff").RequirePermission(PlatformPermissions.SecurityRead);

        // Any signed-in person: the merchants they work for, for the merchant switcher.
        endpoints.MapGet("/api/v1/account/memberships", async (ClaimsPrincipal user, StaffDirectory directory, CancellationToken ct) =>
            Results.Ok(await directory.MembershipsOfAsync(
                user.AccountOf() ?? throw new ForbiddenException("This needs a person's sign-in, not an API client's token."), ct)))
            .WithTags("Account").RequireAuthorization();

        return endpoints;
    }
}
