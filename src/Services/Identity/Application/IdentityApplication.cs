namespace UnifiedCommerce.Identity.Application;

public static class IdentityApplication
{
    public static IServiceCollection AddIdentityApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Merchants>();
        return services;
    }
}
