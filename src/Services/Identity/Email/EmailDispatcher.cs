using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;

namespace UnifiedCommerce.Identity.Email;

/// <summary>Sends one email: through SMTP (SmtpEmailSender), or locally into files a developer can open (MailboxDirectorySender).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Writes each message as an .eml file into <c>Identity:Mailbox:Directory</c> (default: a "mailbox" folder in the
/// working directory), for local runs without an SMTP server. The dev mailbox page lists the same messages from
/// the outbox table.
/// </summary>
public sealed class MailboxDirectorySender(IConfiguration configuration, IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var directory = configuration["Identity:Mailbox:Directory"] is { Length: > 0 } configured ? configured : Path.Combine(AppContext.BaseDirectory, "mailbox");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{message.CreatedAt:yyyyMMddTHHmmss}-{message.Id:N}.eml");
        var content = $"""
            Message-ID: <{message.Id:N}@identity.unified-commerce>
            Date: {message.CreatedAt:R}
            From: {options.Value.From}
            To: {message.To}
            Subject: {message.Subject}
            Content-Type: text/plain; charset=utf-8

            {message.TextBody}
            """;
        await File.WriteAllTextAsync(file, content.ReplaceLineEndings("\r\n"), cancellationToken);
    }
}

/// <summary>Identity's own metrics, on the meter <c>UnifiedCommerce.Identity</c>.</summary>
public sealed class IdentityMetrics
{
    public const string MeterName = "UnifiedCommerce.Identity";

    public IdentityMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        EmailsAbandoned = meter.CreateCounter<long>("identity.emails.abandoned", unit: "{message}",
            description: "Emails given up on after every attempt failed; each one is a person who got no reset link, invitation or confirmation.");
    }

    public Counter<long> EmailsAbandoned { get; }
}

/// <summary>
/// Delivers the email outbox: messages are written with the change they report and sent here, after commit,
/// with retries that back off (<c>Identity:Email:RetryDelay</c>, doubling) up to <c>Identity:Email:MaxAttempts</c>.
/// A message given up on is logged as an error and counted (<c>identity.emails.abandoned</c>), so an alert can
/// tell someone. Several instances can run: each claims rows with FOR UPDATE SKIP LOCKED.
/// </summary>
public sealed class EmailDispatcher(
    IServiceScopeFactory scopes,
    IEmailSender sender,
    IOptions<EmailOptions> options,
    IdentityMetrics metrics,
    ILogger<EmailDispatcher> logger,
    TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

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
        var settings = options.Value;
        var now = clock.GetUtcNow();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.EmailMessages
            .FromSql($"""
                SELECT * FROM email_messages
                WHERE sent_at IS NULL AND attempts < {settings.MaxAttempts} AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        foreach (var message in batch)
        {
            try
            {
                await sender.SendAsync(message, cancellationToken);
                message.SentAt = clock.GetUtcNow();
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Failed(message, exception, settings);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private void Failed(EmailMessage message, Exception exception, EmailOptions settings)
    {
        message.Attempts++;
        message.LastError = exception.Message.Length > 500 ? exception.Message[..500] : exception.Message;
        if (message.Attempts < settings.MaxAttempts)
        {
            var delay = settings.RetryDelay * Math.Pow(2, Math.Min(message.Attempts - 1, 20));
            message.NextAttemptAt = clock.GetUtcNow() + (delay < MaxRetryDelay ? delay : MaxRetryDelay);
            logger.LogWarning(exception, "Could not send email {MessageId} (attempt {Attempt} of {MaxAttempts}); retrying at {NextAttemptAt}.",
                message.Id, message.Attempts, settings.MaxAttempts, message.NextAttemptAt);
            return;
        }

        // Named by id and subject only: the body holds links that work as credentials.
        message.NextAttemptAt = null;
        metrics.EmailsAbandoned.Add(1);
        logger.LogError(exception, "Gave up on email {MessageId} (\"{Subject}\", created {CreatedAt:u}) after {Attempts} failed attempts: {LastError}",
            message.Id, message.Subject, message.CreatedAt, message.Attempts, message.LastError);
    }
}
