using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UnifiedCommerce.ServiceDefaults.Http;

/// <summary>
/// Thrown by application code when a request is well-formed but not acceptable. Carries the field errors shown
/// to the caller as RFC 9457 validation problem details (REST) or typed GraphQL errors.
/// </summary>
public sealed class RequestValidationException(IDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid: " + string.Join(", ", errors.Keys))
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Thrown when the thing asked for does not exist for the caller's merchant.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Thrown when the caller is known but may not do this (a 403 that says why).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>
/// Thrown when the write conflicts with the current state (duplicate key, stale version). <see cref="Details"/> are
/// what a client needs to recover (such as the current version); they travel as problem-details extensions (REST)
/// and error extensions (GraphQL).
/// </summary>
public sealed class ConflictException(string message, IReadOnlyDictionary<string, object?>? details = null) : Exception(message)
{
    public IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();
}

internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddCommerceProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<KnownExceptionHandler>();
        return services;
    }
}

/// <summary>
/// Maps exceptions thrown on purpose to the problem a client can act on; anything no handler maps is a 500. The
/// hosting defaults map the exceptions above; a shared part that throws its own (the data layer) adds a handler.
/// </summary>
public abstract class ExceptionProblemHandler(IProblemDetailsService problemDetails, ILogger logger) : IExceptionHandler
{
    /// <summary>The problem to answer with, or null when this handler does not know the exception.</summary>
    protected abstract ProblemDetails? ProblemFor(Exception exception);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (ProblemFor(exception) is not { } problem)
        {
            return false;
        }

        if (exception is ConflictException { Details: var details })
        {
            foreach (var (key, value) in details)
            {
                problem.Extensions[key] = value;
            }
        }

        logger.LogInformation("Request refused with {Status}: {Reason}", problem.Status, exception.Message);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}

internal sealed class KnownExceptionHandler(IProblemDetailsService problemDetails, ILogger<KnownExceptionHandler> logger)
    : ExceptionProblemHandler(problemDetails, logger)
{
    protected override ProblemDetails? ProblemFor(Exception exception) => exception switch
    {
        RequestValidationException validation => new ValidationProblemDetails(validation.Errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
        },
        BadHttpRequestException { InnerException: JsonException { Path: { } path } json } => new ValidationProblemDetails(
            new Dictionary<string, string[]> { [FieldName(path)] = [json is UnacceptableTextException ? json.Message : "This value has the wrong type or form."] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
        },
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read.", Detail = bad.Message },
        NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = notFound.Message },
        ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Permission denied.", Detail = forbidden.Message },
        ConflictException conflict => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict.", Detail = conflict.Message },
        _ => null,
    };

    /// <summary>The serializer's JSON path ($.variants[0].sku) as the field names validation errors use (variants[0].sku).</summary>
    private static string FieldName(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
