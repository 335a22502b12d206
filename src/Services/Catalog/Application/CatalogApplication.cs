namespace UnifiedCommerce.Catalog.Application;

public static class CatalogApplication
{
    public static IServiceCollection AddCatalogApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CatalogQueries>();
        services.AddScoped<CatalogCommands>();
        services.AddScoped<MediaQueries>();
        services.AddScoped<MediaCommands>();
        services.AddScoped<CollectionQueries>();
        services.AddScoped<CollectionCommands>();
        return services;
    }
}
