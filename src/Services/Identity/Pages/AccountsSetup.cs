using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.Identity.Email;

namespace UnifiedCommerce.Identity.Pages;

/// <summary>
/// People's accounts and Identity's pages: the account rules, sign-in throttling, the session cookie, antiforgery,
/// the email outbox and its sender, and the real client address behind trusted proxies.
/// </summary>
/// <remarks>
/// Configuration: <c>Identity:TrustedProxies</c> (addresses and CIDR networks whose X-Forwarded-For is believed;
/// none when unset, and then production refuses to start unless <c>Identity:ExposedDirectly</c> is true),
/// <c>Identity:Email</c> (the SMTP server and sender, see <see cref="EmailOptions"/>; required in production),
/// <c>Identity:Mailbox:Directory</c> (where the local sender writes .eml files without SMTP) and
/// <c>Identity:Mailbox:Enabled</c> (the developer mailbox pages, in the Development environment only).
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
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate(options => options.MaxAttempts >= 1 && options.RetryDelay >= TimeSpan.Zero, "Identity:Email:MaxAttempts must be at least 1, RetryDelay not negative.")
            .ValidateOnStart();
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{EmailOptions.Section}:Smtp:Host"]))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else if (builder.Environment.IsProduction())
        {
            // Local files would keep reset links on a server's disk and deliver nothing.
            throw new InvalidOperationException("Identity:Email:Smtp:Host is not set: production sends mail through an SMTP server (see Identity:Email).");
        }
        else
        {
            services.AddSingleton<IEmailSender, MailboxDirectorySender>();
        }

        services.AddSingleton<IdentityMetrics>();
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
            // Antiforgery would send X-Frame-Options: SAMEORIGIN; the service's security header policy sends DENY.
            options.SuppressXFrameOptionsHeader = true;
        });
        services.AddAuthentication().AddAccountSessionCookie();

        // The client address counts for throttling and security events, and a forwarded header can name any
        // address: so only the platform's own proxies are believed, as configured; nothing by default, not even
        // loopback (anyone who reaches Identity directly could otherwise name a new address per attempt).
        var (proxies, networks) = TrustedProxies(builder.Configuration);
        if (proxies.Count == 0 && networks.Count == 0 && builder.Environment.IsProduction()
            && !builder.Configuration.GetValue("Identity:ExposedDirectly", false))
        {
            throw new InvalidOperationException(
                "Identity:TrustedProxies is not set: list the addresses or networks (CIDR) of the proxies in front of Identity, "
                + "or set Identity:ExposedDirectly=true if clients connect to Identity directly.");
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // With no known proxies and networks at all, the middleware would believe every sender: so then it
            // reads no forwarded header.
            options.ForwardedHeaders = proxies.Count == 0 && networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }

    /// <summary><c>Identity:TrustedProxies</c>: addresses (10.0.0.5) and networks (10.0.0.0/8), separated by commas or spaces.</summary>
    private static (List<IPAddress> Proxies, List<System.Net.IPNetwork> Networks) TrustedProxies(IConfiguration configuration)
    {
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in (configuration["Identity:TrustedProxies"] ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"Identity:TrustedProxies: '{entry}' is neither an IP address nor a network in CIDR notation.");
            }
        }

        return (proxies, networks);
    }
}
