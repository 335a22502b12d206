using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace UnifiedCommerce.PlatformApi;

/// <summary>
/// Resolves the merchant of a request. A signed-in caller acts for the merchant its access token names, and for no
/// other: a storefront channel header naming a different one is refused. Anonymous callers (shoppers browsing a
/// storefront) name the merchant with the header that the storefront sets from the shopper's host name; what
/// they may do with it is decided per endpoint and field (public storefront data only).
/// </summary>
public sealed class MerchantResolutionMiddleware(RequestDelegate next)
{
    public const string HeaderName = "x-merchant-id";

    public async Task InvokeAsync(HttpContext context, MerchantContext merchant)
    {
        var header = context.Request.Headers[HeaderName];
        Guid? named = null;
        if (header.Count > 0)
        {
            if (header.Count > 1 || !Guid.TryParse(header[0], out var merchantId) || merchantId == Guid.Empty)
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "The merchant header is invalid.",
                    $"{HeaderName} must be a single merchant id (a UUID).");
                return;
            }

            named = merchantId;
        }

        if (context.User.IsAuthenticated())
        {
            var tokenMerchant = context.User.MerchantOf();
            if (named is not null && named != tokenMerchant)
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden, "The merchant header does not match your credentials.",
                    $"Your access token acts for {(tokenMerchant is { } own ? $"merchant {own}" : "no merchant")}; drop {HeaderName} or send that one.");
                return;
            }

            named = tokenMerchant;
        }

        if (named is { } resolved)
        {
            merchant.Use(resolved);
        }

        await next(context);
    }

    private static async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await Results.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail }).ExecuteAsync(context);
    }
}
