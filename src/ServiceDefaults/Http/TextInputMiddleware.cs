using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace UnifiedCommerce.ServiceDefaults.Http;

/// <summary>
/// Applies <see cref="TextRules"/> to the text a request carries outside a JSON body: the path, query values and
/// form fields (Identity's sign-in and sign-up pages, the token endpoint). A bad value is a 400 naming the field,
/// before any endpoint runs. JSON bodies are checked while they are read (<see cref="SafeTextJsonConverter"/>)
/// and GraphQL arguments by its String scalar.
/// </summary>
public sealed class TextInputMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problemDetails)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (TextRules.Problem(context.Request.Path.Value, multiLine: false) is { } pathProblem)
        {
            errors["path"] = [pathProblem];
        }

        foreach (var (name, values) in context.Request.Query)
        {
            Check(errors, name, values, multiLine: false);
        }

        if (context.Request.HasFormContentType)
        {
            IFormCollection? form = null;
            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException unreadable)
            {
                // The form reader itself refuses NUL (and over-long forms) without naming the field; neither is the server's fault.
                errors["form"] = [unreadable.InnerException?.Message is { } reason ? $"{unreadable.Message} ({reason})" : unreadable.Message];
            }

            foreach (var (name, values) in form ?? FormCollection.Empty)
            {
                // Forms may carry multi-line text (a textarea); single-line fields refuse line breaks themselves.
                Check(errors, name, values, multiLine: true);
            }
        }

        if (errors.Count == 0)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        var written = await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = "The request is invalid." },
        });
        if (!written)
        {
            // A browser posting one of Identity's pages asks for HTML, which problem details are not: say it plainly.
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                "The request is invalid.\n" + string.Join("\n", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}")),
                context.RequestAborted);
        }
    }

    private static void Check(Dictionary<string, string[]> errors, string name, Microsoft.Extensions.Primitives.StringValues values, bool multiLine)
    {
        var field = TextRules.IsAcceptable(name, multiLine: false) ? name : "(field name)";
        if (field != name)
        {
            errors[field] = ["A field name contains characters that are not allowed."];
            return;
        }

        foreach (var value in values)
        {
            if (TextRules.Problem(value, multiLine) is { } problem)
            {
                errors[field] = [problem];
                return;
            }
        }
    }
}
