namespace UnifiedCommerce.Admin.Session;

/// <summary>
/// Cross-site request forgery defence for the session's API: every <c>/bff</c> request must carry the header
/// <c>x-csrf: 1</c>. The SPA adds it to each fetch; a form or link on another site cannot set a header, and a
/// cross-origin script that tries needs a CORS preflight, which this server never grants. The one exception is
/// GET /bff/login, a plain link that only starts a sign-in.
/// </summary>
public sealed class CsrfHeaderCheck(RequestDelegate next)
{
    public const string HeaderName = "x-csrf";

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/bff"))
        {
            // Personal answers: never kept by a browser or a shared cache.
            context.Response.Headers.CacheControl = "no-store";
            var isLogin = HttpMethods.IsGet(request.Method) && request.Path.Equals("/bff/login", StringComparison.OrdinalIgnoreCase);
            if (!isLogin && request.Headers[HeaderName] != "1")
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "Missing anti-forgery header.",
                        Detail = $"Requests to /bff must carry the header '{HeaderName}: 1'.",
                    },
                });
                return;
            }
        }

        await next(context);
    }
}
