using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCommerce.Contracts.Catalog;
using UnifiedCommerce.Contracts.Inventory;
using UnifiedCommerce.Inventory.Data;
using UnifiedCommerce.Inventory.Domain;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;
using UnifiedCommerce.Messaging;

namespace UnifiedCommerce.Inventory.Application;

public sealed record Availability(bool InStock, int QuantityAvailable)
{
    public static readonly Availability None = new(false, 0);

    public static Availability Of(int available) => new(available > 0, available);
}

public sealed record StockInput(Guid ProductId, string? Sku, int OnHand);

/// <summary>Stock per variant per location. Shared by REST, GraphQL and the catalog event handler.</summary>
public sealed class StockLevels(InventoryDbContext db, IMerchantContext merchant, TimeProvider clock)
{
    public const int MaxQuantity = 1_000_000_000;
    public const int MaxSkuLength = 64;

    public async Task<IReadOnlyDictionary<Guid, Availability>> ForVariantsAsync(IReadOnlyCollection<Guid> variantIds, CancellationToken cancellationToken) =>
        await db.StockItems.AsNoTracking()
            .Where(stock => variantIds.Contains(stock.VariantId))
            .GroupBy(stock => stock.VariantId)
            .Select(group => new { VariantId = group.Key, Available = group.Sum(stock => stock.OnHand - stock.Reserved) })
            .ToDictionaryAsync(row => row.VariantId, row => Availability.Of(row.Available), cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, Availability>> ForProductsAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken) =>
        await db.StockItems.AsNoTracking()
            .Where(stock => productIds.Contains(stock.ProductId))
            .GroupBy(stock => stock.ProductId)
            .Select(group => new { ProductId = group.Key, Available = group.Sum(stock => stock.OnHand - stock.Reserved) })
            .ToDictionaryAsync(row => row.ProductId, row => Availability.Of(row.Available), cancellationToken);

    public Task<StockItem?> AtDefaultLocationAsync(Guid variantId, CancellationToken cancellationToken) =>
        db.StockItems.AsNoTracking().FirstOrDefaultAsync(
            stock => stock.VariantId == variantId && db.Locations.Any(l => l.Id == stock.LocationId && l.Code == Location.DefaultCode),
            cancellationToken);

    public async Task<IReadOnlyList<Location>> LocationsAsync(CancellationToken cancellationToken) =>
        await db.Locations.AsNoTracking().OrderBy(location => location.Code).ToListAsync(cancellationToken);

    /// <summary>Sets the counted quantity at the default location (a stock take), creating the row when the variant is new here.</summary>
    public async Task<StockItem> SetOnHandAsync(Guid variantId, StockInput input, CancellationToken cancellationToken)
    {
        // The catalog's event may create the default location or the row, or change the row, between our read and our
        // write (a product's stock is often counted the moment it is created): each time, apply the count to what is
        // there now. A few rounds settle it; the handler writes each row once.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TrySetOnHandAsync(variantId, input, cancellationToken);
            }
            catch (Exception exception) when (attempt < 4 && exception is DbUpdateConcurrencyException
                or DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } })
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<StockItem> TrySetOnHandAsync(Guid variantId, StockInput input, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        if (input.OnHand is < 0 or > MaxQuantity)
        {
            throw RequestValidationException.For("onHand", $"Quantity must be between 0 and {MaxQuantity}.");
        }

        var errors = new FieldErrors().SingleLine("sku", input.Sku);
        if (input.Sku is { Length: > MaxSkuLength })
        {
            errors.Add("sku", $"At most {MaxSkuLength} characters.");
        }

        errors.ThrowIfAny();

        var location = await DefaultLocationAsync(cancellationToken);
        var stock = await db.StockItems.FirstOrDefaultAsync(s => s.VariantId == variantId && s.LocationId == location.Id, cancellationToken);
        if (stock is null)
        {
            if (input.ProductId == Guid.Empty)
            {
                throw RequestValidationException.For("productId", "A variant new to inventory needs its product id.");
            }

            stock = new StockItem { VariantId = variantId, ProductId = input.ProductId, LocationId = location.Id, Sku = input.Sku ?? "" };
            db.StockItems.Add(stock);
        }

        if (input.OnHand < stock.Reserved)
        {
            throw new ConflictException($"{stock.Reserved} units are reserved; on-hand cannot drop below that.");
        }

        if (stock.OnHand == input.OnHand && db.Entry(stock).State != EntityState.Added)
        {
            return stock;
        }

        stock.OnHand = input.OnHand;
        stock.Version++;
        stock.UpdatedAt = clock.GetUtcNow();
        // The change and its event commit together: shoppers' caches hear of it only once it is true.
        var elsewhere = await db.StockItems.AsNoTracking()
            .Where(other => other.VariantId == variantId && other.LocationId != location.Id)
            .SumAsync(other => other.OnHand - other.Reserved, cancellationToken);
        db.OutboxMessages.Add(OutboxMessage.From(new StockLevelChanged
        {
            EventId = Guid.CreateVersion7(),
            MerchantId = stock.MerchantId == Guid.Empty ? merchant.RequireMerchantId() : stock.MerchantId,
            AggregateId = stock.Id,
            AggregateVersion = stock.Version,
            OccurredAt = stock.UpdatedAt,
            ProductId = stock.ProductId,
            VariantId = variantId,
            QuantityAvailable = elsewhere + stock.OnHand - stock.Reserved,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return stock;
    }

    /// <summary>
    /// Makes sure every variant of the changed products has a stock row at the default location (zero on hand), and
    /// keeps SKU and product mapping current. Rows already there keep their quantities. Changes are applied oldest
    /// version first, with one read of the rows for all of them, so a batch may hold several changes of one product.
    /// </summary>
    public async Task ApplyProductChangesAsync(IReadOnlyCollection<ProductChanged> changes, CancellationToken cancellationToken)
    {
        var location = await DefaultLocationAsync(cancellationToken);
        var variantIds = changes.SelectMany(change => change.Variants.Select(v => v.VariantId)).Distinct().ToList();
        var rows = await db.StockItems.Where(s => variantIds.Contains(s.VariantId) && s.LocationId == location.Id)
            .ToDictionaryAsync(s => s.VariantId, cancellationToken);
        foreach (var change in changes.OrderBy(change => change.AggregateVersion))
        {
            foreach (var variant in change.Variants)
            {
                if (!rows.TryGetValue(variant.VariantId, out var stock))
                {
                    stock = new StockItem { VariantId = variant.VariantId, ProductId = change.AggregateId, LocationId = location.Id };
                    db.StockItems.Add(stock);
                    rows[variant.VariantId] = stock;
                }
                else if (stock.CatalogVersion >= change.AggregateVersion)
                {
                    continue;
                }

                stock.Sku = variant.Sku;
                stock.ProductId = change.AggregateId;
                stock.CatalogVersion = change.AggregateVersion;
                stock.UpdatedAt = clock.GetUtcNow();
            }
        }
    }

    private async Task<Location> DefaultLocationAsync(CancellationToken cancellationToken)
    {
        var location = db.Locations.Local.FirstOrDefault(l => l.Code == Location.DefaultCode)
            ?? await db.Locations.FirstOrDefaultAsync(l => l.Code == Location.DefaultCode, cancellationToken);
        if (location is null)
        {
            location = new Location { Code = Location.DefaultCode, Name = "Main warehouse" };
            db.Locations.Add(location);
        }

        return location;
    }
}
