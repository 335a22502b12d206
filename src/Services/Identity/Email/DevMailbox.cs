using System.Net;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Identity.Data;

namespace UnifiedCommerce.Identity.Email;

public sealed record MailboxMessage(Guid Id, string To, string Subject, string TextBody, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

/// <summary>
/// A developer's view of the email outbox: <c>/dev/mailbox</c> (a page) and <c>/dev/mailbox/messages?to=</c>
/// (JSON, newest first, for tests). It shows every store's reset and verification links, so it exists only in the
/// Development environment with <c>Identity:Mailbox:Enabled</c> true (local runs and tests), whatever any other
/// environment's configuration says, and answers only callers on this machine.
/// </summary>
public static class DevMailbox
{
    private const int PageSize = 50;

    public static IEndpointRouteBuilder MapDevMailbox(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() || !app.Configuration.GetValue("Identity:Mailbox:Enabled", false))
        {
            return app;
        }

        // The caller's address after forwarded headers: through a trusted proxy, a remote caller is remote.
        var mailbox = app.MapGroup("/dev/mailbox").AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) => IsLoopback(context.HttpContext.Connection.RemoteIpAddress) ? await next(context) : Results.NotFound());
        mailbox.MapGet("/messages", async (string? to, IdentityDbContext db, CancellationToken ct) => Results.Ok(await ListAsync(db, to, ct)));
        mailbox.MapGet("/", async (string? to, IdentityDbContext db, CancellationToken ct) =>
        {
            var rows = string.Concat((await ListAsync(db, to, ct)).Select(m => $"""
                <article><h2>{Encode(m.Subject)}</h2><p class="meta">To {Encode(m.To)} · {m.CreatedAt:u}</p><pre>{Linked(m.TextBody)}</pre></article>
                """));
            return Results.Content($"""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mailbox</title><meta name="robots" content="noindex">
                <style>body{"{"}font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem{"}"}article{"{"}border-bottom:1px solid #ddd;padding:.5rem 0{"}"}.meta{"{"}color:#666{"}"}pre{"{"}white-space:pre-wrap{"}"}</style>
                </head><body><h1>Mailbox</h1><p><strong>A local development tool:</strong> it shows the mail Identity would send, links included, only in the Development environment and only to this machine.</p><p>The latest {PageSize} messages sent by Identity{(to is null ? "" : " to " + Encode(to))}.</p>{(rows.Length == 0 ? "<p>No messages.</p>" : rows)}</body></html>
                """, "text/html; charset=utf-8");
        });
        return app;
    }

    private static async Task<List<MailboxMessage>> ListAsync(IdentityDbContext db, string? to, CancellationToken cancellationToken)
    {
        var messages = db.EmailMessages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(to))
        {
            messages = messages.Where(m => m.To == to.Trim());
        }

        return await messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(PageSize)
            .Select(m => new MailboxMessage(m.Id, m.To, m.Subject, m.TextBody, m.CreatedAt, m.SentAt))
            .ToListAsync(cancellationToken);
    }

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    /// <summary>Makes the links in a plain-text body clickable.</summary>
    private static string Linked(string text) => System.Text.RegularExpressions.Regex.Replace(
        Encode(text), @"https?://[^\s&]+(?:&amp;[^\s&]+)*", match => $"<a href=\"{match.Value}\">{match.Value}</a>");
}
