using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace UnifiedCommerce.ServiceDefaults.Http;

/// <summary>
/// The rules every request's input meets before an endpoint sees it, set once for every service: text passes
/// <see cref="TextRules"/>, a body that cannot be bound is a 400 naming the field, and bodies are small unless an
/// endpoint says otherwise.
/// </summary>
public static class InputRulesSetup
{
    /// <summary>
    /// The largest request body an endpoint accepts unless it opts in to more with
    /// <c>.WithMetadata(new RequestSizeLimitAttribute(bytes))</c>; above it the answer is a 413 with problem details.
    /// </summary>
    public const long DefaultMaxRequestBodyBytes = 256 * 1024;

    public static IServiceCollection AddCommerceInputRules(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new SafeTextJsonConverter()));
        // A body that does not bind throws, so the exception handler can answer with the field it failed on.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Routing applies an endpoint's own IRequestSizeLimitMetadata over this default.
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = DefaultMaxRequestBodyBytes);
        return services;
    }
}
