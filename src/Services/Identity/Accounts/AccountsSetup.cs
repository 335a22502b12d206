using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.Identity.Email;

namespace UnifiedCommerce.Identity.Accounts;

/// <summary>
/// People's accounts and Identity's pages: the account rules, sign-in throttling, the session cookie, antiforgery,
/// the email outbox and its sender, and the real client address behind trusted proxies.
/// </summary>
/// <remarks>
/// Configuration: <c>Identity:TrustedProxies</c> (addresses whose X-Forwarded-For is believed; loopback when
/// unset), <c>Identity:Mailbox:Directory</c> (where the local sender writes .eml files) and
/// <c>Identity:Mailbox:Enabled</c> (the developer mailbox pages).
/// </remarks>
public static class AccountsSetup
{
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<Accounts>();
        services.AddScoped<SignInThrottle>();
        services.AddSingleton<AccountLinks>();
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<IEmailSender, MailboxDirectorySender>();
        services.AddHostedService<EmailDispatcher>();

        // Cookies, antiforgery tokens and reset links stay valid across restarts and instances: keys live in the database.
        services.AddDataProtection().SetApplicationName("unified-commerce-identity");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DataProtectionKeyStore(provider.GetRequiredService<IServiceScopeFactory>())));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "uc_identity_antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__antiforgery";
        });
        services.AddAuthentication().AddAccountSessionCookie();

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the platform's own proxies (the ingress, the storefront server) may say who the client is.
            var trusted = builder.Configuration["Identity:TrustedProxies"];
            if (!string.IsNullOrWhiteSpace(trusted))
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var address in trusted.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
                {
                    options.KnownProxies.Add(IPAddress.Parse(address));
                }
            }
        });
        return builder;
    }
}
