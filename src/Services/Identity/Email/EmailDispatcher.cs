using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;

namespace UnifiedCommerce.Identity.Email;

/// <summary>Sends one email. Pluggable: the local default writes files a developer can open (see MailboxDirectorySender).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Writes each message as an .eml file into <c>Identity:Mailbox:Directory</c> (default: a "mailbox" folder in the
/// working directory). The dev mailbox page lists the same messages from the outbox table.
/// </summary>
public sealed class MailboxDirectorySender(IConfiguration configuration) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var directory = configuration["Identity:Mailbox:Directory"] is { Length: > 0 } configured ? configured : Path.Combine(AppContext.BaseDirectory, "mailbox");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{message.CreatedAt:yyyyMMddTHHmmss}-{message.Id:N}.eml");
        var content = $"""
            Message-ID: <{message.Id:N}@identity.unified-commerce>
            Date: {message.CreatedAt:R}
            From: Unified Commerce <no-reply@unified-commerce.local>
            To: {message.To}
            Subject: {message.Subject}
            Content-Type: text/plain; charset=utf-8

            {message.TextBody}
            """;
        await File.WriteAllTextAsync(file, content.ReplaceLineEndings("\r\n"), cancellationToken);
    }
}

/// <summary>
/// Delivers the email outbox: messages are written with the change they report and sent here, after commit,
/// with retries. Several instances can run: each claims rows with FOR UPDATE SKIP LOCKED.
/// </summary>
public sealed class EmailDispatcher(IServiceScopeFactory scopes, IEmailSender sender, ILogger<EmailDispatcher> logger, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private const int MaxAttempts = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchBatchAsync(stoppingToken) == 0)
                {
                    await Task.Delay(PollInterval, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Email dispatch failed; retrying.");
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.EmailMessages
            .FromSql($"SELECT * FROM email_messages WHERE sent_at IS NULL AND attempts < {MaxAttempts} ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        foreach (var message in batch)
        {
            try
            {
                await sender.SendAsync(message, cancellationToken);
                message.SentAt = clock.GetUtcNow();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = exception.Message.Length > 500 ? exception.Message[..500] : exception.Message;
                logger.LogWarning(exception, "Could not send email {MessageId}.", message.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }
}
