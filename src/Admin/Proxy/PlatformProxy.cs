using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using UnifiedCommerce.Admin.Session;
using Yarp.ReverseProxy.Forwarder;

namespace UnifiedCommerce.Admin.Proxy;

/// <summary>
/// Passes the SPA's API calls on to the platform with the session's access token as the bearer token:
/// <c>/bff/api/identity/{path}</c> to Identity's <c>/api/v1/{path}</c>, <c>/bff/api/catalog/{path}</c> to Catalog's
/// <c>/api/v1/{path}</c>, <c>/bff/graphql</c> to the gateway, and product images (<c>GET /media/{path}</c>) to Catalog.
/// YARP's forwarder does the HTTP work (streaming both ways, hop-by-hop headers, cancellation, errors as 502/504);
/// this decides where a call goes and what it carries: the token, the browser's address, never the admin's cookies.
/// </summary>
public static class PlatformProxy
{
    /// <summary>
    /// The largest body the catalog route passes on (media uploads, CSV and zip imports); every other route keeps the
    /// platform's default of 256 KiB. Bodies stream through: nothing is held here.
    /// </summary>
    public const long CatalogMaxRequestBodyBytes = 60L * 1024 * 1024;

    public static IServiceCollection AddPlatformProxy(this IServiceCollection services)
    {
        services.AddHttpForwarder();
        // One connection pool for every forwarded call; YARP's recommended settings (no automatic redirects,
        // decompression or cookies: the response goes back to the browser as it came).
        services.AddSingleton(new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformProxy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/bff/api/identity/{**path}", (HttpContext http, string? path, IOptions<AdminOptions> options) =>
            ForwardBelowAsync(http, options.Value.IdentityBase, "api/v1/", path));
        endpoints.Map("/bff/api/catalog/{**path}", (HttpContext http, string? path, IOptions<AdminOptions> options) =>
                ForwardBelowAsync(http, options.Value.CatalogBase, "api/v1/", path))
            .WithMetadata(new RequestSizeLimitAttribute(CatalogMaxRequestBodyBytes));
        endpoints.Map("/bff/graphql", (HttpContext http, IOptions<AdminOptions> options) =>
            ForwardAsync(http, new Uri(options.Value.GatewayBase, "graphql")));
        // Images in the admin's pages are plain <img> requests (no x-csrf header, hence outside /bff): reading only.
        endpoints.MapGet("/media/{**path}", (HttpContext http, string? path, IOptions<AdminOptions> options) =>
            ForwardBelowAsync(http, options.Value.CatalogBase, "media/", path));
        return endpoints;
    }

    /// <summary>
    /// Forwards to <paramref name="prefix"/> and the path beneath it, and nowhere else: a dot segment could climb out
    /// of the prefix (Identity's /connect, Catalog's /graphql) to endpoints the route was never meant to reach.
    /// </summary>
    private static Task<IResult> ForwardBelowAsync(HttpContext http, Uri service, string prefix, string? path) =>
        (path ?? "").Split('/').Any(segment => segment.StartsWith("..", StringComparison.Ordinal) || segment.Contains("%2e", StringComparison.OrdinalIgnoreCase))
            ? Task.FromResult(Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found."))
            : ForwardAsync(http, new Uri(service, prefix + path));

    private static async Task<IResult> ForwardAsync(HttpContext http, Uri destination)
    {
        // Authenticating renews tokens close to expiry (see SessionTokens); a session that cannot be renewed is gone.
        if (await http.GetTokenAsync(SessionTokens.AccessTokenName) is not { } accessToken)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in.", detail: "Sign in again to continue.");
        }

        var forwarder = http.RequestServices.GetRequiredService<IHttpForwarder>();
        var client = http.RequestServices.GetRequiredService<HttpMessageInvoker>();
        var error = await forwarder.SendAsync(http, destination.GetLeftPart(UriPartial.Authority), client,
            new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(60) },
            new BearerTransformer(destination, accessToken));
        if (error != ForwarderError.None && !http.Response.HasStarted)
        {
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The platform did not answer.",
                detail: "Try again in a moment.");
        }

        return Results.Empty;
    }

    private sealed class BearerTransformer(Uri destination, string accessToken) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            proxyRequest.RequestUri = new Uri(destination.GetLeftPart(UriPartial.Path) + httpContext.Request.QueryString.Value);
            // The platform knows the caller by the token alone; the admin's own cookies and headers stay here.
            proxyRequest.Headers.Remove("Cookie");
            proxyRequest.Headers.Remove("x-csrf");
            proxyRequest.Headers.Remove("Origin");
            proxyRequest.Headers.Remove("Referer");
            proxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            // The person's address (not the admin server's) in Identity's security log; set, not appended, so a
            // browser cannot name an address of its choosing.
            proxyRequest.Headers.Remove("X-Forwarded-For");
            if (httpContext.Connection.RemoteIpAddress is { } address)
            {
                proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
            }

            proxyRequest.Headers.Host = null;
        }

        public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
        {
            var carryOn = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
            // A platform cookie would land on the admin's origin, where it means nothing and should not be.
            httpContext.Response.Headers.Remove("Set-Cookie");
            return carryOn;
        }
    }
}
