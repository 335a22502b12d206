using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using UnifiedCommerce.Identity.Domain;

namespace UnifiedCommerce.Identity.Email;

/// <summary>Sends each message through the configured SMTP server (MailKit), as plain text from the configured sender.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mime = new MimeMessage
        {
            // Stable per outbox row, so a retry after a lost answer is recognisable as the same message.
            MessageId = $"{message.Id:N}@identity.unified-commerce",
            Date = message.CreatedAt,
            Subject = message.Subject,
            Body = new TextPart(TextFormat.Plain) { Text = message.TextBody },
        };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));

        using var client = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Smtp.Host ?? throw new InvalidOperationException("Identity:Email:Smtp:Host is not set."), settings.Smtp.Port, settings.Smtp.Security, cancellationToken);
        if (settings.Smtp.UserName is { Length: > 0 } userName)
        {
            await client.AuthenticateAsync(userName, settings.Smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
