using System.Security.Claims;

namespace UnifiedCommerce.PlatformApi;

/// <summary>
/// Who is calling, as the access token says: the merchant it acts for and the permissions it carries. REST
/// endpoints and GraphQL fields ask the same questions here, so the two surfaces cannot disagree.
/// </summary>
public static class Caller
{
    /// <summary>The merchant a token acts for (absent on platform operators' tokens).</summary>
    public const string MerchantClaim = "merchant_id";

    /// <summary>Granted permissions, space-separated (OAuth 2.0 scopes).</summary>
    public const string ScopeClaim = "scope";

    /// <summary>The audience Identity stamps on access tokens for the platform's APIs; services accept no other.</summary>
    public const string ApiAudience = "commerce-api";

    /// <summary>Which kind of person a token speaks for ("customer" or "staff"); absent on API clients' tokens.</summary>
    public const string AccountKindClaim = "account_kind";

    public const string CustomerKind = "customer";
    public const string StaffKind = "staff";

    public static bool IsAuthenticated(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    public static bool IsStaff(this ClaimsPrincipal user) => user.IsAuthenticated() && user.FindFirst(AccountKindClaim)?.Value == StaffKind;

    /// <summary>The person's account a token speaks for (its subject); null for API clients' tokens.</summary>
    public static Guid? AccountOf(this ClaimsPrincipal user) =>
        user.IsAuthenticated() && user.FindFirst(AccountKindClaim) is not null && Guid.TryParse(user.FindFirst("sub")?.Value, out var account)
            ? account
            : null;

    /// <summary>The API client a token was issued to (its subject); null for people's tokens, which name an account kind.</summary>
    public static string? ApiClientOf(this ClaimsPrincipal user) =>
        user.IsAuthenticated() && user.FindFirst(AccountKindClaim) is null && user.FindFirst("sub")?.Value is { Length: > 0 } clientId
            ? clientId
            : null;

    public static Guid? MerchantOf(this ClaimsPrincipal user) =>
        user.IsAuthenticated() && Guid.TryParse(user.FindFirst(MerchantClaim)?.Value, out var merchant) && merchant != Guid.Empty
            ? merchant
            : null;

    /// <summary>
    /// The shopper account this token speaks for: its subject, when a customer of a store signed in. Staff,
    /// API clients and operators speak for no shopper, so their tokens never reach a shopper's own data.
    /// </summary>
    public static Guid? CustomerAccountOf(this ClaimsPrincipal user) =>
        user.MerchantOf() is not null
        && user.FindFirst(AccountKindClaim)?.Value == CustomerKind
        && Guid.TryParse(user.FindFirst("sub")?.Value, out var account) && account != Guid.Empty
            ? account
            : null;

    /// <summary>
    /// A merchant permission counts only on a token bound to a merchant; the platform permission only on a token
    /// bound to none, so an operator's credential never doubles as a merchant's and the other way round.
    /// </summary>
    public static bool HasPermission(this ClaimsPrincipal user, string permission)
    {
        if (!user.IsAuthenticated())
        {
            return false;
        }

        var boundToMerchant = user.MerchantOf() is not null;
        var fitsToken = permission == Permissions.PlatformAdminister ? !boundToMerchant : boundToMerchant && Permissions.All.Contains(permission);
        return fitsToken && user.FindAll(ScopeClaim)
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(permission, StringComparer.Ordinal);
    }

    /// <summary>Every permission a policy can name: the merchant permissions and the platform's.</summary>
    public static IEnumerable<string> KnownPermissions => [.. Permissions.All, Permissions.PlatformAdminister];
}
