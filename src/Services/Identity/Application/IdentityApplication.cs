using UnifiedCommerce.Identity.Api;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Identity.Application;

public static class IdentityApplication
{
    public static IServiceCollection AddIdentityApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Merchants>();
        // Identity answers the platform API's checks (merchant standing, staff access, revoked clients) from its own
        // tables; the other services keep copies (AddIdentityReadModels).
        services.AddScoped<IMerchantStatusReader, IdentityMerchantStatusReader>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<IStaffAccessReader, IdentityStaffAccessReader>();
        services.AddScoped<IRevokedApiClientReader, IdentityRevokedApiClientReader>();
        return services;
    }
}
