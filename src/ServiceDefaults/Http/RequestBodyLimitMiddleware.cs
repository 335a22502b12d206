using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace UnifiedCommerce.ServiceDefaults.Http;

/// <summary>
/// Refuses a declared body larger than the endpoint accepts (<see cref="InputRulesSetup.DefaultMaxRequestBodyBytes"/>
/// unless the endpoint opts in to more) with a 413 and problem details, before the endpoint sees it. A body sent without
/// a length is stopped by the server's own limit as it is read.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    /// <summary>
    /// A refused body up to this size that is already on its way is read and dropped before the answer. Closing the
    /// connection with it unread makes the kernel reset the connection, and a sender still writing (a proxy streaming
    /// the body on) loses the 413 and reports a broken connection instead. Larger bodies, and senders that asked first
    /// (<c>Expect: 100-continue</c>, so nothing was sent), get the answer at once and the connection closes.
    /// </summary>
    public const long DrainBeforeRefusingBytes = 8L * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problemDetails)
    {
        var sizeLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (context.Request.ContentLength is { } length && sizeLimit?.MaxRequestBodySize is { } max && length > max)
        {
            await DrainIfSentAsync(context, sizeLimit, length);
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

    private static async Task DrainIfSentAsync(HttpContext context, IHttpMaxRequestBodySizeFeature sizeLimit, long length)
    {
        var askedFirst = context.Request.Headers.Expect.Any(value => string.Equals(value, "100-continue", StringComparison.OrdinalIgnoreCase));
        if (askedFirst || length > DrainBeforeRefusingBytes || sizeLimit.IsReadOnly)
        {
            context.Response.Headers[HeaderNames.Connection] = "close";
            return;
        }

        sizeLimit.MaxRequestBodySize = length;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        try
        {
            while (await context.Request.Body.ReadAsync(buffer, timeout.Token) > 0)
            {
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The sender stopped or is too slow: the answer still goes out, and the connection closes after it.
            context.Response.Headers[HeaderNames.Connection] = "close";
        }
    }
}
