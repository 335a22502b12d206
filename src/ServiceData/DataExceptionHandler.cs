using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.ServiceData;

/// <summary>The data layer's refusals as problems: a stale write is a conflict, another merchant's row does not exist.</summary>
internal sealed class DataExceptionHandler(IProblemDetailsService problemDetails, ILogger<DataExceptionHandler> logger)
    : ExceptionProblemHandler(problemDetails, logger)
{
    protected override ProblemDetails? ProblemFor(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict.",
            Detail = "The resource was changed by someone else; read it again and retry.",
        },
        CrossTenantAccessException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found." },
        _ => null,
    };
}
