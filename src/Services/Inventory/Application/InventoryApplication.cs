namespace UnifiedCommerce.Inventory.Application;

public static class InventoryApplication
{
    public static IServiceCollection AddInventoryApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<StockLevels>();
        return services;
    }
}
