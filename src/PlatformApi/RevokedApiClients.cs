using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace UnifiedCommerce.PlatformApi;

/// <summary>
/// Answers "was this API client deleted?". Identity answers from its own record at once; every other service from
/// its copy of Identity's ApiClientRevoked events (IdentityReadModels), through the short cache.
/// </summary>
public interface IRevokedApiClientReader
{
    Task<bool> IsRevokedAsync(string clientId, CancellationToken cancellationToken);
}

/// <summary>
/// A token outlives a deleted API client by up to its lifetime (minutes); so, once per request, a client's token is
/// checked against the revoked clients and refused outright, on public endpoints too: a deleted credential gets
/// nothing, not even what an anonymous caller would. REST callers get a 401 problem, GraphQL callers an
/// UNAUTHENTICATED error; both carry the bearer challenge with <c>invalid_token</c>, so a client knows to stop.
/// </summary>
public sealed class RevokedApiClientMiddleware(RequestDelegate next)
{
    public const string Description = "The API client this token was issued to has been deleted.";

    public async Task InvokeAsync(HttpContext context, IRevokedApiClientReader reader, IProblemDetailsService problems)
    {
        if (context.User.ApiClientOf() is not { } clientId || !await reader.IsRevokedAsync(clientId, context.RequestAborted))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers[HeaderNames.WWWAuthenticate] = $"Bearer error=\"invalid_token\", error_description=\"{Description}\"";
        if (context.Request.Path.StartsWithSegments(PlatformApiExtensions.GraphQLPath))
        {
            await context.Response.WriteAsJsonAsync(new
            {
                errors = new[] { new { message = Description + " Get a token for a current client.", extensions = new { code = "UNAUTHENTICATED" } } },
            }, context.RequestAborted);
            return;
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "The access token is revoked.",
                Detail = Description + " Get a token for a current client.",
            },
        });
    }
}
