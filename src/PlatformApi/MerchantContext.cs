using Microsoft.Extensions.DependencyInjection;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.PlatformApi;

/// <summary>The merchant (tenant) the current request or message acts for. Empty means "no merchant": every tenant query returns nothing.</summary>
public interface IMerchantContext
{
    Guid? MerchantId { get; }

    /// <summary>The merchant, or a clear client error when the caller named none.</summary>
    Guid RequireMerchantId();
}

/// <summary>Set once per request (by <see cref="MerchantResolutionMiddleware"/>) or per message (by its handler).</summary>
public sealed class MerchantContext : IMerchantContext
{
    public Guid? MerchantId { get; private set; }

    public Guid RequireMerchantId() =>
        MerchantId ?? throw new RequestValidationException(new Dictionary<string, string[]>
        {
            [MerchantResolutionMiddleware.HeaderName] = ["This operation needs a merchant: an access token acting for one or, for storefront reads, the x-merchant-id header."],
        });

    /// <summary>Binds the scope to one merchant; a scope never switches merchant, so a second, different value is a bug.</summary>
    public void Use(Guid merchantId)
    {
        if (MerchantId is { } current && current != merchantId)
        {
            throw new InvalidOperationException("This scope already acts for another merchant.");
        }

        MerchantId = merchantId;
    }
}

public static class MerchantContextRegistration
{
    public static IServiceCollection AddMerchantContext(this IServiceCollection services)
    {
        services.AddScoped<MerchantContext>();
        services.AddScoped<IMerchantContext>(provider => provider.GetRequiredService<MerchantContext>());
        return services;
    }
}
