using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Customers.Data;
using UnifiedCommerce.Customers.Domain;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Customers.Application;

/// <summary>What a shopper may change about themselves; absent or blank values clear the field.</summary>
public sealed record ProfileInput
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
}

public sealed record CustomerPage(IReadOnlyList<CustomerProfile> Nodes, int TotalCount, bool HasNextPage, string? EndCursor);

/// <summary>
/// Customer profiles, shared by REST, GraphQL and the account event handlers. Every query is scoped to the merchant
/// in context; a shopper's own profile is found by their account id, which is the profile's id.
/// </summary>
public sealed partial class CustomerProfiles(CustomersDbContext db, IMerchantContext merchant, TimeProvider clock)
{
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 100;
    public const int MinPhoneDigits = 7;

    [GeneratedRegex(@"^[0-9 +()\-]{7,20}$")]
    private static partial Regex PhoneCharacters();

    public Task<CustomerProfile?> FindAsync(Guid customerId, CancellationToken cancellationToken) =>
        db.Profiles.AsNoTracking().FirstOrDefaultAsync(profile => profile.Id == customerId, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, CustomerProfile>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Profiles.AsNoTracking().Where(profile => ids.Contains(profile.Id)).ToDictionaryAsync(profile => profile.Id, cancellationToken);

    /// <summary>The merchant's customers, newest first (account ids are time-ordered), with keyset pagination.</summary>
    public async Task<CustomerPage> ListAsync(int? first, string? after, CancellationToken cancellationToken)
    {
        var pageSize = first ?? DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw RequestValidationException.For("first", $"Page size must be between 1 and {MaxPageSize}.");
        }

        var query = db.Profiles.AsNoTracking();
        var totalCount = await query.CountAsync(cancellationToken);
        if (after is not null)
        {
            var afterId = DecodeCursor(after);
            query = query.Where(profile => profile.Id.CompareTo(afterId) < 0);
        }

        var rows = await query.OrderByDescending(profile => profile.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var nodes = rows.Take(pageSize).ToList();
        return new CustomerPage(nodes, totalCount, rows.Count > pageSize, nodes.Count > 0 ? EncodeCursor(nodes[^1].Id) : null);
    }

    /// <summary>Changes the shopper's name and phone; bad input changes nothing and names every bad field.</summary>
    public async Task<CustomerProfile> UpdateAsync(Guid customerId, ProfileInput input, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var name = Normalized(input.Name);
        var phone = Normalized(input.Phone);
        var errors = new FieldErrors();
        if (name?.Length > CustomerProfile.MaxNameLength)
        {
            errors.Add("name", $"Use at most {CustomerProfile.MaxNameLength} characters.");
        }

        errors.SingleLine("name", name);

        if (phone is not null && (!PhoneCharacters().IsMatch(phone) || phone.Count(char.IsAsciiDigit) < MinPhoneDigits))
        {
            errors.Add("phone", $"Use 7 to {CustomerProfile.MaxPhoneLength} characters (digits, spaces, +, - and parentheses) with at least {MinPhoneDigits} digits.");
        }

        errors.ThrowIfAny();
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.Id == customerId, cancellationToken)
            ?? throw new NotFoundException("There is no profile for this account yet; try again in a moment.");
        if (profile.Name == name && profile.Phone == phone)
        {
            return profile;
        }

        profile.Name = name;
        profile.Phone = phone;
        profile.Version++;
        profile.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return profile;
    }

    /// <summary>
    /// Makes the profile of a shopper who signed up. A profile already there (a duplicate registration) and a
    /// deleted account (its tombstone) both win: nothing changes. The caller saves.
    /// </summary>
    public async Task ApplyRegisteredAsync(CustomerRegistered registered, CancellationToken cancellationToken)
    {
        var accountId = registered.AggregateId;
        if (await db.Profiles.AnyAsync(p => p.Id == accountId, cancellationToken)
            || await db.DeletedCustomers.AnyAsync(d => d.Id == accountId, cancellationToken))
        {
            return;
        }

        db.Profiles.Add(new CustomerProfile
        {
            Id = accountId,
            Email = registered.Email,
            Name = Normalized(registered.Name),
            CreatedAt = registered.OccurredAt,
            UpdatedAt = registered.OccurredAt,
            Version = 1,
        });
    }

    /// <summary>
    /// Holds the shopper's account until the caller's transaction ends, so the handlers of one account's events run one
    /// after the other even when the bus hands them over at once (a deletion racing a sign-up would leave a profile).
    /// </summary>
    public async Task LockAccountAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({accountId.ToString()}, 0))", cancellationToken);

    /// <summary>Deletes the shopper's profile for good and leaves a tombstone in its place. The caller saves.</summary>
    public async Task ApplyAccountDeletedAsync(CustomerAccountDeleted deleted, CancellationToken cancellationToken)
    {
        var accountId = deleted.AggregateId;
        if (await db.Profiles.FirstOrDefaultAsync(p => p.Id == accountId, cancellationToken) is { } profile)
        {
            db.Profiles.Remove(profile);
        }

        if (!await db.DeletedCustomers.AnyAsync(d => d.Id == accountId, cancellationToken))
        {
            db.DeletedCustomers.Add(new DeletedCustomer { Id = accountId, DeletedAt = deleted.OccurredAt });
        }
    }

    private static string? Normalized(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string EncodeCursor(Guid id) => Convert.ToBase64String(Encoding.UTF8.GetBytes("c:" + id.ToString("N")));

    public static Guid DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("c:", StringComparison.Ordinal) && Guid.TryParseExact(text[2..], "N", out var id))
            {
                return id;
            }
        }
        catch (FormatException)
        {
            // Falls through to the validation error below.
        }

        throw RequestValidationException.For("after", "The cursor is not one this API returned.");
    }
}
