using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.FileProviders;
using UnifiedCommerce.Admin;
using UnifiedCommerce.Admin.Proxy;
using UnifiedCommerce.Admin.Session;
using UnifiedCommerce.ServiceDefaults;
using UnifiedCommerce.ServiceDefaults.Http;
using UnifiedCommerce.WebSecurity;

// The admin panel's backend for frontend: serves the SPA, signs staff in at Identity and keeps their tokens behind
// a cookie session, and passes the SPA's API calls on to the platform with the session's token. It shares the
// services' hosting defaults; it authenticates people by its own cookie, not by bearer tokens.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddStaffSignIn();
builder.Services.AddPlatformProxy();
// Behind a TLS-terminating proxy the session cookie must still be marked Secure.
builder.Services.Configure<ForwardedHeadersOptions>(options => options.ForwardedHeaders = ForwardedHeaders.XForwardedProto);

var app = builder.Build();

// The SPA loads only its own files and talks only to this origin; every answer says so, errors included.
app.UseSecurityHeaders(SecurityHeaderPolicy.Admin);
app.UseForwardedHeaders();
app.UseExceptionHandler(errors => errors.Run(async context =>
{
    // Identity or the gateway failing is theirs to fix; say so instead of a bare 500.
    var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
    context.Response.StatusCode = StatusCodes.Status502BadGateway;
    await problems.WriteAsync(new ProblemDetailsContext
    {
        HttpContext = context,
        ProblemDetails = { Status = StatusCodes.Status502BadGateway, Title = "The platform did not answer as expected.", Detail = "Try again in a moment." },
    });
}));
app.MapDefaultEndpoints();

var spa = SpaFiles(app);
if (spa is not null)
{
    app.UseStaticFiles(new StaticFileOptions { FileProvider = spa });
}

app.UseMiddleware<CsrfHeaderCheck>();
// A declared body larger than its route accepts (256 KiB; the catalog route 60 MB) is a 413 before anything reads it.
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseAuthentication();
app.UseAuthorization();

app.MapSessionEndpoints();
app.MapPlatformProxy();
// Every other /bff path is unknown (not the SPA's index page); every other path is a screen of the SPA.
app.Map("/bff/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found."));
if (spa is not null)
{
    app.MapFallbackToFile("index.html", new StaticFileOptions
    {
        FileProvider = spa,
        // The page names the current build's hashed assets: always fetched fresh.
        OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
    });
}
else
{
    app.MapFallback(() => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The admin app is not built.",
        detail: "Run `npm run build` in web/admin (./commerce build does), then restart."));
}

app.Run();

// The built SPA: Admin:SpaDirectory, else the repository's web/admin/dist beside this project.
static PhysicalFileProvider? SpaFiles(WebApplication app)
{
    var configured = app.Configuration[$"{AdminOptions.Section}:SpaDirectory"];
    var directory = Path.GetFullPath(configured is { Length: > 0 } ? configured : Path.Combine(app.Environment.ContentRootPath, "../../web/admin/dist"));
    if (File.Exists(Path.Combine(directory, "index.html")))
    {
        return new PhysicalFileProvider(directory);
    }

    app.Logger.LogWarning("No built admin app in {Directory}; only the API is served.", directory);
    return null;
}
