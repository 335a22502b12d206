using MailKit.Security;

namespace UnifiedCommerce.Identity.Email;

/// <summary>
/// How Identity sends mail (<c>Identity:Email</c>). With <c>Smtp:Host</c> set, through that SMTP server;
/// without it, into local .eml files (development and tests only: production refuses to start without SMTP).
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Identity:Email";

    /// <summary>The sender, e.g. <c>Acme Shops &lt;no-reply@shops.example.com&gt;</c>.</summary>
    public string From { get; set; } = "Unified Commerce <no-reply@unified-commerce.local>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Attempts per message before it is given up on (logged as an error and counted).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>MailKit's TLS modes: StartTls (default), SslOnConnect, StartTlsWhenAvailable, Auto, None.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Optional: without a user name the server is used without authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
