using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Api;

/// <summary>
/// The staff list's filters and order as REST query parameters, shared by the list and the CSV export so an export
/// holds exactly the products the list shows. Enum values are written in kebab case (<c>low-stock</c>,
/// <c>recently-updated</c>); GraphQL's names (<c>LOW_STOCK</c>) are accepted too.
/// </summary>
public sealed class StaffListQuery
{
    public string? Status { get; init; }
    public string? Tag { get; init; }
    public string? Brand { get; init; }
    public string? Category { get; init; }
    public string? Search { get; init; }
    public Guid? Collection { get; init; }
    public string? StockState { get; init; }
    public string? Sort { get; init; }

    public StaffProductFilter Filter() =>
        new(Status, Tag, Brand, Category, Search, Collection, Parse<StockState>(StockState, "stockState"));

    public ProductSort Order() => Parse<ProductSort>(Sort, "sort") ?? ProductSort.Newest;

    private static T? Parse<T>(string? text, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = text.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        // Names only: a number would parse as any value of the enum.
        if (!name.All(char.IsAsciiLetter) || !Enum.TryParse<T>(name, ignoreCase: true, out var value))
        {
            var choices = string.Join(", ", Enum.GetNames<T>().Select(Kebab));
            throw RequestValidationException.For(field, $"Use one of: {choices}.");
        }

        return value;
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
