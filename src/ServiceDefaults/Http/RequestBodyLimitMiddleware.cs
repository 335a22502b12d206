using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace UnifiedCommerce.ServiceDefaults.Http;

/// <summary>
/// Refuses a declared body larger than the endpoint accepts (<see cref="InputRulesSetup.DefaultMaxRequestBodyBytes"/>
/// unless the endpoint opts in to more) with a 413 and problem details, before anything reads it. A body sent without
/// a length is stopped by the server's own limit as it is read.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problemDetails)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (context.Request.ContentLength is { } length && limit is { } max && length > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            _ = await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request body is too large.",
                    Detail = $"This endpoint accepts at most {max / 1024} KiB.",
                },
            });
            return;
        }

        await next(context);
    }
}
