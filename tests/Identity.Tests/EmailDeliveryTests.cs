using System.Net.Http.Json;
using netDumbster.smtp;
using UnifiedCommerce.TestSupport;
using Xunit;

namespace UnifiedCommerce.Identity.Tests;

/// <summary>Identity sending its mail to an SMTP server on loopback.</summary>
public sealed class SmtpIdentity : IAsyncLifetime
{
    public PlatformDatabase Database { get; } = new();
    public PlatformIdentity Identity { get; private set; } = null!;
    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start(PlatformDatabase.FreePort());

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Identity = await PlatformIdentity.StartAsync(Database, new Dictionary<string, string>
        {
            ["Identity__Email__Smtp__Host"] = "127.0.0.1",
            ["Identity__Email__Smtp__Port"] = Smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Identity__Email__Smtp__Security"] = "None",
            ["Identity__Email__From"] = "Juniper Mail <mail@juniper.commerce.test>",
        });
    }

    public async Task DisposeAsync()
    {
        await Identity.DisposeAsync();
        Smtp.Dispose();
        await Database.DisposeAsync();
    }
}

/// <summary>Identity's emails go out through the configured SMTP server.</summary>
public sealed class EmailDeliveryTests(SmtpIdentity platform) : IClassFixture<SmtpIdentity>
{
    [Fact]
    public async Task A_confirmation_email_is_delivered_over_smtp_from_the_configured_sender()
    {
        var (_, origin) = await platform.Identity.NewStoreAsync("Mail Shop");
        var email = ShopperAccountsTests.NewEmail();
        using var browser = platform.Identity.NewBrowser();

        await browser.SubmitAsync(await browser.OpenAsync(platform.Identity.StorefrontOf(origin).AuthorizeUrl(prompt: "create")),
            ("email", email), ("password", "correct horse battery"));

        var delivered = await Eventually.GetAsync(() => Task.FromResult(platform.Smtp.ReceivedEmail
            .FirstOrDefault(m => m.ToAddresses.Any(to => to.Address == email))), $"an SMTP delivery to {email}");
        Assert.Equal("mail@juniper.commerce.test", delivered.FromAddress.Address);
        Assert.Contains("Confirm your email address", delivered.Headers["Subject"], StringComparison.Ordinal);
        Assert.Contains("/account/verify?token=", string.Concat(delivered.MessageParts.Select(p => p.BodyData)), StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => await platform.Database.ScalarAsync<bool>("identity",
            "SELECT sent_at IS NOT NULL FROM email_messages WHERE \"to\" = @to", ("to", email)), "the outbox row marked sent");
    }
}

/// <summary>Identity whose SMTP server does not answer, retrying quickly so the test does not wait long.</summary>
public sealed class UnreachableSmtpIdentity : IAsyncLifetime
{
    public const int Attempts = 2;

    public PlatformDatabase Database { get; } = new();
    public PlatformIdentity Identity { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Identity = await PlatformIdentity.StartAsync(Database, new Dictionary<string, string>
        {
            ["Identity__Email__Smtp__Host"] = "127.0.0.1",
            ["Identity__Email__Smtp__Port"] = PlatformDatabase.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Identity__Email__Smtp__Security"] = "None",
            ["Identity__Email__From"] = "no-reply@commerce.test",
            ["Identity__Email__MaxAttempts"] = Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Identity__Email__RetryDelay"] = "00:00:00.200",
        });
    }

    public async Task DisposeAsync()
    {
        await Identity.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>A message that cannot be delivered is given up on visibly: an error log and a metric an alert can watch.</summary>
public sealed class AbandonedEmailTests(UnreachableSmtpIdentity platform) : IClassFixture<UnreachableSmtpIdentity>
{
    [Fact]
    public async Task A_message_given_up_on_after_the_configured_attempts_is_logged_and_counted()
    {
        var (_, origin) = await platform.Identity.NewStoreAsync("Silent Shop");
        var email = ShopperAccountsTests.NewEmail();
        using var browser = platform.Identity.NewBrowser();
        await browser.SubmitAsync(await browser.OpenAsync(platform.Identity.StorefrontOf(origin).AuthorizeUrl(prompt: "create")),
            ("email", email), ("password", "correct horse battery"));
        var messageId = await Eventually.GetAsync(() => platform.Database.ScalarAsync<Guid>("identity",
            "SELECT id FROM email_messages WHERE \"to\" = @to", ("to", email)), "the confirmation in the outbox");

        await Eventually.TrueAsync(() => Task.FromResult(platform.Identity.Process.Output.Contains(messageId.ToString(), StringComparison.Ordinal)
            && platform.Identity.Process.Output.Contains("gave up", StringComparison.OrdinalIgnoreCase)), "an error log naming the abandoned message");
        var metrics = await Eventually.GetAsync(async () =>
        {
            var text = await platform.Identity.Process.Http.GetStringAsync("/metrics");
            return text.Contains("identity_emails_abandoned", StringComparison.Ordinal) ? text : null;
        }, "the abandoned-email counter on /metrics");

        Assert.Matches(@"identity_emails_abandoned_total(\{[^}]*\})? 1(\s|$)", metrics);
        Assert.Equal(UnreachableSmtpIdentity.Attempts, await platform.Database.ScalarAsync<int>("identity",
            "SELECT attempts FROM email_messages WHERE id = @id", ("id", messageId)));
        // The log names the message, never what it carries.
        var body = await platform.Database.ScalarAsync<string>("identity", "SELECT text_body FROM email_messages WHERE id = @id", ("id", messageId));
        var link = System.Text.RegularExpressions.Regex.Match(body!, @"https?://\S+").Value;
        Assert.DoesNotContain(link, platform.Identity.Process.Output, StringComparison.Ordinal);
    }
}
