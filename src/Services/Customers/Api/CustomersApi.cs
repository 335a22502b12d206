using System.Security.Claims;
using UnifiedCommerce.Customers.Application;
using UnifiedCommerce.Customers.Domain;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Customers.Api;

/// <summary>
/// REST surface of customers, versioned under /api/v1. A shopper reads and changes their own profile with the
/// token of their sign-in; the merchant's staff and API clients read customers with customers:read and correct
/// their details with customers:write.
/// </summary>
public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Customers");

        api.MapGet("/profile", async (ClaimsPrincipal user, CustomerProfiles profiles, CancellationToken ct) =>
            await profiles.FindAsync(ShopperOf(user), ct) is { } profile
                ? Results.Ok(CustomerResponse.From(profile))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "There is no profile for this account yet; try again in a moment."))
            .RequireAuthorization();

        api.MapPut("/profile", async (ClaimsPrincipal user, ProfileInput input, CustomerProfiles profiles, CancellationToken ct) =>
            Results.Ok(CustomerResponse.From(await profiles.UpdateAsync(ShopperOf(user), input, ct))))
            .RequireAuthorization();

        api.MapGet("/customers", async (int? first, string? after, CustomerProfiles profiles, CancellationToken ct) =>
        {
            var page = await profiles.ListAsync(first, after, ct);
            return Results.Ok(new { nodes = page.Nodes.Select(CustomerResponse.From), page.TotalCount, page.HasNextPage, page.EndCursor });
        }).RequirePermission(Permissions.CustomersRead);

        api.MapGet("/customers/{customerId:guid}", async (Guid customerId, CustomerProfiles profiles, CancellationToken ct) =>
            await profiles.FindAsync(customerId, ct) is { } customer
                ? Results.Ok(CustomerResponse.From(customer))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No customer {customerId}."))
            .RequirePermission(Permissions.CustomersRead);

        // Staff correct a customer's details, for example after a call to customer service.
        api.MapPut("/customers/{customerId:guid}", async (Guid customerId, ProfileInput input, CustomerProfiles profiles, CancellationToken ct) =>
            Results.Ok(CustomerResponse.From(await profiles.UpdateAsync(customerId, input, ct))))
            .RequirePermission(Permissions.CustomersWrite);

        return endpoints;
    }

    /// <summary>The shopper whose profile this is: only the token of a customer's own sign-in speaks for one.</summary>
    private static Guid ShopperOf(ClaimsPrincipal user) =>
        user.CustomerAccountOf()
        ?? throw new ForbiddenException("The profile belongs to a shopper: it needs the access token of the shopper's own sign-in, not a staff member's or an API client's.");
}

public sealed record CustomerResponse(Guid Id, string Email, string? Name, string? Phone, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    public static CustomerResponse From(CustomerProfile profile) =>
        new(profile.Id, profile.Email, profile.Name, profile.Phone, profile.CreatedAt, profile.UpdatedAt, profile.Version);
}
