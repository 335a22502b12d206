using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Identity.Application;

public sealed record MerchantInput(string Name, string DefaultCurrency, IReadOnlyList<string>? Hosts);

public sealed record SuspensionInput(string? Reason);

/// <summary>
/// The platform's merchants (tenants) and the host names their storefronts answer on. Every change commits with
/// its MerchantChanged event, so other services can follow a merchant's status.
/// </summary>
public sealed partial class Merchants(IdentityDbContext db, TimeProvider clock)
{
    public const int MaxHosts = 20;

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")]
    private static partial Regex HostPattern();

    public Task<Merchant?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Merchants.AsNoTracking().Include(m => m.Hosts).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>The merchant a storefront host belongs to. Hosts are compared without port, in lower case.</summary>
    public async Task<Merchant?> FindByHostAsync(string host, CancellationToken cancellationToken)
    {
        var normalized = NormalizeHost(host);
        return normalized is null
            ? null
            : await db.Merchants.AsNoTracking().Include(m => m.Hosts)
                .FirstOrDefaultAsync(m => m.Hosts.Any(h => h.Host == normalized), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, Merchant>> ByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Merchants.AsNoTracking().Include(m => m.Hosts).Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);

    /// <summary>Creates the merchant with this id, or brings it to the given state. Repeating a write changes nothing.</summary>
    public async Task<(Merchant Merchant, bool Created)> UpsertAsync(Guid id, MerchantInput input, CancellationToken cancellationToken)
    {
        var hosts = Validate(id, input);
        var merchant = await db.Merchants.Include(m => m.Hosts).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        var created = merchant is null;
        if (merchant is null)
        {
            merchant = new Merchant { Id = id, Name = input.Name.Trim(), DefaultCurrency = input.DefaultCurrency };
            db.Merchants.Add(merchant);
        }
        else if (merchant.Name == input.Name.Trim() && merchant.DefaultCurrency == input.DefaultCurrency
                 && merchant.Hosts.Select(h => h.Authority).Order().SequenceEqual(hosts.Select(h => h.Authority).Order()))
        {
            return (merchant, false);
        }

        var names = hosts.Select(h => h.Host).ToList();
        var taken = await db.StorefrontHosts.Where(h => names.Contains(h.Host) && h.MerchantId != id).Select(h => h.Host).ToListAsync(cancellationToken);
        if (taken.Count > 0)
        {
            throw new ConflictException($"Host name(s) already used by another store: {string.Join(", ", taken)}.");
        }

        merchant.Name = input.Name.Trim();
        merchant.DefaultCurrency = input.DefaultCurrency;
        merchant.Hosts.RemoveAll(h => !names.Contains(h.Host));
        foreach (var host in hosts)
        {
            if (merchant.Hosts.Find(h => h.Host == host.Host) is { } kept)
            {
                kept.Port = host.Port;
            }
            else
            {
                merchant.Hosts.Add(host);
            }
        }
        await SaveChangedAsync(merchant, cancellationToken);
        return (merchant, created);
    }

    public async Task<Merchant> SetSuspendedAsync(Guid id, bool suspended, string? reason, CancellationToken cancellationToken)
    {
        if (reason is { Length: > 500 })
        {
            throw RequestValidationException.For("reason", "At most 500 characters.");
        }

        var merchant = await db.Merchants.Include(m => m.Hosts).FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No merchant {id}.");
        var status = suspended ? MerchantStatus.Suspended : MerchantStatus.Active;
        if (merchant.Status == status)
        {
            return merchant;
        }

        merchant.Status = status;
        merchant.SuspensionReason = suspended ? reason?.Trim() : null;
        await SaveChangedAsync(merchant, cancellationToken);
        return merchant;
    }

    private async Task SaveChangedAsync(Merchant merchant, CancellationToken cancellationToken)
    {
        merchant.Version++;
        merchant.UpdatedAt = clock.GetUtcNow();
        db.OutboxMessages.Add(OutboxMessage.From(new MerchantChanged
        {
            EventId = Guid.CreateVersion7(),
            MerchantId = merchant.Id,
            AggregateId = merchant.Id,
            AggregateVersion = merchant.Version,
            OccurredAt = merchant.UpdatedAt,
            Name = merchant.Name,
            DefaultCurrency = merchant.DefaultCurrency,
            IsSuspended = merchant.Status == MerchantStatus.Suspended,
            Hosts = merchant.Hosts.Select(h => h.Authority).Order().ToList(),
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("A host name was claimed by another store at the same moment; retry.");
        }
    }

    private static List<StorefrontHost> Validate(Guid id, MerchantInput input)
    {
        var errors = new FieldErrors()
            .RequireText("name", input.Name, 200)
            .RequireCurrency("defaultCurrency", input.DefaultCurrency);
        if (id == Guid.Empty)
        {
            errors.Add("id", "A merchant id is a non-empty UUID.");
        }

        var hosts = new List<StorefrontHost>();
        foreach (var (host, index) in (input.Hosts ?? []).Select((host, index) => (host, index)))
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"hosts[{index}]");
            if (ParseHost(host) is not { } parsed || !HostPattern().IsMatch(parsed.Name))
            {
                errors.Add(field, "A host name such as shop.example.com, with a port if not the default (localhost:3000); no scheme, no path.");
            }
            else if (hosts.Exists(h => h.Host == parsed.Name && h.Port != parsed.Port))
            {
                errors.Add(field, "Each host name once, with one port.");
            }
            else if (!hosts.Exists(h => h.Host == parsed.Name))
            {
                hosts.Add(new StorefrontHost { Host = parsed.Name, Port = parsed.Port, MerchantId = id });
            }
        }

        if (hosts.Count > MaxHosts)
        {
            errors.Add("hosts", $"At most {MaxHosts} host names.");
        }

        errors.ThrowIfAny();
        return hosts;
    }

    /// <summary>A host as an operator registers it: "Shop.Example.com" or "localhost:3000" (name lower case, port kept).</summary>
    internal static (string Name, int? Port)? ParseHost(string? host)
    {
        if (NormalizeHost(host) is not { } name)
        {
            return null;
        }

        var trimmed = host!.Trim();
        var colon = trimmed.LastIndexOf(':');
        if (colon <= 0 || !trimmed[(colon + 1)..].All(char.IsAsciiDigit))
        {
            return (name, null);
        }

        return int.TryParse(trimmed[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? (name, port)
            : null;
    }

    /// <summary>"Shop.Example.com:3000" and "shop.example.com" are the same store.</summary>
    public static string? NormalizeHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        var trimmed = host.Trim().ToLowerInvariant();
        var colon = trimmed.LastIndexOf(':');
        if (colon > 0 && trimmed[(colon + 1)..].All(char.IsAsciiDigit))
        {
            trimmed = trimmed[..colon];
        }

        return trimmed.TrimEnd('.');
    }
}
