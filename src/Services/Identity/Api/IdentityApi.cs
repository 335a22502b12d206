using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.Identity.OAuth;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;
using PlatformPermissions = UnifiedCommerce.PlatformApi.Permissions;

namespace UnifiedCommerce.Identity.Api;

/// <summary>
/// REST surface of Identity, versioned under /api/v1: merchant administration for the platform's operators, who
/// hold platform:administer (the platform-operator client); no merchant's credential reaches these endpoints.
/// </summary>
public static class IdentityApi
{
    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/merchants").WithTags("Merchants").RequirePermission(PlatformPermissions.PlatformAdminister);

        api.MapGet("/{id:guid}", async (Guid id, Merchants merchants, CancellationToken ct) =>
            await merchants.FindAsync(id, ct) is { } merchant
                ? Results.Ok(MerchantResponse.From(merchant))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No merchant {id}."));

        api.MapPut("/{id:guid}", async (Guid id, MerchantInput input, Merchants merchants, CancellationToken ct) =>
        {
            var (merchant, created) = await merchants.UpsertAsync(id, input, ct);
            return created ? Results.Created($"/api/v1/merchants/{id}", MerchantResponse.From(merchant)) : Results.Ok(MerchantResponse.From(merchant));
        });

        api.MapPost("/{id:guid}/suspend", async (Guid id, SuspensionInput? input, Merchants merchants, CancellationToken ct) =>
            Results.Ok(MerchantResponse.From(await merchants.SetSuspendedAsync(id, suspended: true, input?.Reason, ct))));

        api.MapPost("/{id:guid}/api-clients", async (Guid id, ApiClientInput input, ApiClients clients, CancellationToken ct) =>
        {
            var credentials = await clients.CreateAsync(id, input, ct);
            return Results.Created($"/api/v1/merchants/{id}/api-clients/{credentials.ClientId}", credentials);
        });

        api.MapDelete("/{id:guid}/api-clients/{clientId}", async (Guid id, string clientId, ApiClients clients, CancellationToken ct) =>
        {
            await clients.DeleteAsync(id, clientId, ct);
            return Results.NoContent();
        });

        // Operators invite a store's first owner (the role, unless another is named); from then on the store's
        // owners and staff managers invite their own people.
        api.MapPost("/{id:guid}/invitations", async (Guid id, InvitationInput input, Merchants merchants, MerchantContext merchant, StaffDirectory directory, CancellationToken ct) =>
        {
            _ = await merchants.FindAsync(id, ct) ?? throw new NotFoundException($"No merchant {id}.");
            merchant.Use(id);
            var invitation = await directory.InviteAsync(StaffActor.Operators, input with { RoleId = input.RoleId ?? StaffRole.OwnerId }, ct);
            return Results.Created($"/api/v1/merchants/{id}/invitations/{invitation.Id}", invitation);
        });

        api.MapPost("/{id:guid}/reactivate", async (Guid id, Merchants merchants, CancellationToken ct) =>
            Results.Ok(MerchantResponse.From(await merchants.SetSuspendedAsync(id, suspended: false, reason: null, ct))));

        return endpoints;
    }
}

public sealed record MerchantResponse(Guid Id, string Name, string DefaultCurrency, string Status, string? SuspensionReason, IReadOnlyList<string> Hosts, long Version)
{
    public static MerchantResponse From(Merchant merchant) => new(
        merchant.Id, merchant.Name, merchant.DefaultCurrency, merchant.Status.ToString(), merchant.SuspensionReason,
        merchant.Hosts.Select(h => h.Authority).Order().ToList(), merchant.Version);
}
