using System.Security.Claims;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.OAuth;
using UnifiedCommerce.Identity.Pages;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Identity.Api;

public sealed record AccountResponse(Guid Id, string Email, bool EmailVerified, Guid? MerchantId, DateTimeOffset CreatedAt);

public sealed record PasswordChangeInput(string? CurrentPassword, string? NewPassword);

/// <summary>
/// A signed-in person's own account, with the access token from their sign-in: read it, change the password
/// (which signs every device out; wrong current passwords are throttled and lock like sign-in), delete it. The token's subject is the account; other tokens get a 403.
/// </summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/account").WithTags("Account").RequireAuthorization();

        api.MapGet("/", async (ClaimsPrincipal user, Accounts accounts, CancellationToken ct) =>
        {
            var account = await accounts.FindAsync(AccountIdOf(user), ct) ?? throw new NotFoundException("The account no longer exists.");
            return Results.Ok(new AccountResponse(account.Id, account.Email, account.EmailVerifiedAt is not null, account.MerchantId, account.CreatedAt));
        });

        api.MapPost("/password", async (HttpContext http, ClaimsPrincipal user, PasswordChangeInput input, Accounts accounts, CancellationToken ct) =>
        {
            return await accounts.ChangePasswordAsync(AccountIdOf(user), input.CurrentPassword, input.NewPassword, RequestOrigins.Of(http), ct)
                ? Results.NoContent()
                : Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts.", detail: "Wait a few minutes, then try again.");
        });

        api.MapDelete("/", async (HttpContext http, ClaimsPrincipal user, Accounts accounts, StaffDirectory staff, CancellationToken ct) =>
        {
            var accountId = AccountIdOf(user);
            // A staff account leaves every merchant first (refused while it is a store's last owner).
            await staff.LeaveEverywhereAsync(accountId, ct);
            await accounts.DeleteAsync(accountId, RequestOrigins.Of(http), ct);
            return Results.NoContent();
        });

        return endpoints;
    }

    /// <summary>The account a person's token speaks for; an API client's token speaks for none.</summary>
    private static Guid AccountIdOf(ClaimsPrincipal user) =>
        user.FindFirstValue(PersonTokens.AccountKindClaim) is not null && Guid.TryParse(user.FindFirstValue("sub"), out var accountId)
            ? accountId
            : throw new ForbiddenException("This is about a person's own account: it needs the access token of their sign-in, not an API client's.");
}
