namespace UnifiedCommerce.Customers.Application;

public static class CustomersApplication
{
    public static IServiceCollection AddCustomersApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CustomerProfiles>();
        return services;
    }
}
