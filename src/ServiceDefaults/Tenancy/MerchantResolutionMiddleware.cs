using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace UnifiedCommerce.ServiceDefaults.Tenancy;

/// <summary>
/// Resolves the merchant of a request from the storefront channel header that the storefront (and the gateway,
/// which forwards it) sets from the shopper's host name. A malformed value is refused before any work is done.
/// </summary>
public sealed class MerchantResolutionMiddleware(RequestDelegate next)
{
    public const string HeaderName = "x-merchant-id";

    public async Task InvokeAsync(HttpContext context, MerchantContext merchant)
    {
        var header = context.Request.Headers[HeaderName];
        if (header.Count > 0)
        {
            if (header.Count > 1 || !Guid.TryParse(header[0], out var merchantId) || merchantId == Guid.Empty)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Results.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The merchant header is invalid.",
                    Detail = $"{HeaderName} must be a single merchant id (a UUID).",
                }).ExecuteAsync(context);
                return;
            }

            merchant.Use(merchantId);
        }

        await next(context);
    }
}
