using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.ServiceDefaults.GraphQL;
using UnifiedCommerce.ServiceDefaults.Messaging;
using UnifiedCommerce.ServiceDefaults.Tenancy;

namespace UnifiedCommerce.ServiceDefaults.Security;

/// <summary>
/// An API client Identity has deleted, as a service knows it from Identity's ApiClientRevoked events: a copy in
/// the service's own database, so no request waits on Identity. Identity writes its own with the deletion.
/// </summary>
public sealed class RevokedApiClient
{
    public string ClientId { get; set; } = "";
    public Guid MerchantId { get; set; }
    public DateTimeOffset RevokedAt { get; set; }
}

/// <summary>Answers "was this API client deleted?". Services answer from their copy through the short cache; Identity at once.</summary>
public interface IRevokedApiClientReader
{
    Task<bool> IsRevokedAsync(string clientId, CancellationToken cancellationToken);
}

public sealed class LocalRevokedApiClientReader(TenantDbContext db, IMemoryCache cache) : IRevokedApiClientReader
{
    public Task<bool> IsRevokedAsync(string clientId, CancellationToken cancellationToken) =>
        AccessCache.GetOrLoadAsync(cache, ("api-client-revoked", clientId), () => db.IsRevokedAsync(clientId, cancellationToken));
}

public static class RevokedApiClients
{
    public static Task<bool> IsRevokedAsync(this TenantDbContext db, string clientId, CancellationToken cancellationToken) =>
        db.RevokedApiClients.AsNoTracking().AnyAsync(client => client.ClientId == clientId, cancellationToken);

    public static IServiceCollection AddRevokedApiClients(this IServiceCollection services)
    {
        services.TryAddScoped<IRevokedApiClientReader, LocalRevokedApiClientReader>();
        return services;
    }
}

/// <summary>Keeps the local copy of revoked API clients; a revocation is final, so redeliveries change nothing.</summary>
public static class ApiClientRevokedHandler
{
    public static async Task Handle(ApiClientRevoked revoked, TenantDbContext db, ILogger<ApiClientRevoked> logger, CancellationToken cancellationToken)
    {
        if (await db.IsRevokedAsync(revoked.ClientId, cancellationToken))
        {
            logger.LogDebug("ApiClientRevoked {EventId}: client {ClientId} is already revoked here.", revoked.EventId, revoked.ClientId);
            return;
        }

        db.RevokedApiClients.Add(new RevokedApiClient { ClientId = revoked.ClientId, MerchantId = revoked.MerchantId, RevokedAt = revoked.OccurredAt });
        await db.SaveProcessedAsync(revoked, cancellationToken);
    }
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
        if (context.Request.Path.StartsWithSegments(SubgraphSetup.Path))
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
