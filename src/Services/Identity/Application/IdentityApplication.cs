using UnifiedCommerce.Identity.Api;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Identity.Application;

public static class IdentityApplication
{
    public static IServiceCollection AddIdentityApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Merchants>();
        services.AddScoped<IMerchantStatusReader, IdentityMerchantStatusReader>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<IStaffAccessReader, IdentityStaffAccessReader>();
        services.AddScoped<IRevokedApiClientReader, IdentityRevokedApiClientReader>();
        return services;
    }
}
