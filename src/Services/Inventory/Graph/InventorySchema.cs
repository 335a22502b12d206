using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;
using UnifiedCommerce.Inventory.Application;
using UnifiedCommerce.Inventory.Domain;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.Subgraph;

namespace UnifiedCommerce.Inventory.Graph;

public sealed class InventorySchema : Schema
{
    public InventorySchema(IServiceProvider services, InventoryQuery query) : base(services)
    {
        Query = query;
        this.RegisterType(typeof(ProductStockType));
        this.RegisterType(typeof(VariantStockType));
    }
}

public sealed class InventoryQuery : ObjectGraphType
{
    public InventoryQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocationType>>>>("inventoryLocations")
            .Description("The merchant's stock locations.")
            .AuthorizeWithPolicy(Permissions.InventoryRead)
            .ResolveAsync(async context => await Stock(context).LocationsAsync(context.CancellationToken));
    }

    internal static StockLevels Stock(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<StockLevels>();

    internal static BatchLoaders Loaders(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<BatchLoaders>();
}

/// <summary>
/// The keys of the catalog entities inventory adds fields to. Each entity has a CLR type of its own: the
/// `_entities` union tells its members apart by CLR type.
/// </summary>
public sealed class ProductReference
{
    public Guid Id { get; set; }
}

public sealed class VariantReference
{
    public Guid Id { get; set; }
}

public sealed class ProductStockType : ObjectGraphType<ProductReference>
{
    public ProductStockType()
    {
        this.AllowAnonymous();
        Name = "Product";
        this.Key("id");
        this.ResolveReference<ProductReference>((_, reference) => reference);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field<NonNullGraphType<AvailabilityType>>("availability")
            .Description("Stock summed over the product's variants at every location.")
            .Resolve(context => InventoryQuery.Loaders(context)
                .Load<Guid, Availability>("availability-by-product", context.Source.Id, InventoryQuery.Stock(context).ForProductsAsync, context.CancellationToken, Availability.None));
    }
}

public sealed class VariantStockType : ObjectGraphType<VariantReference>
{
    public VariantStockType()
    {
        this.AllowAnonymous();
        Name = "ProductVariant";
        this.Key("id");
        this.ResolveReference<VariantReference>((_, reference) => reference);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field<NonNullGraphType<AvailabilityType>>("availability")
            .Resolve(context => InventoryQuery.Loaders(context)
                .Load<Guid, Availability>("availability-by-variant", context.Source.Id, InventoryQuery.Stock(context).ForVariantsAsync, context.CancellationToken, Availability.None));
    }
}

public sealed class AvailabilityType : ObjectGraphType<Availability>
{
    public AvailabilityType()
    {
        this.AllowAnonymous();
        Name = "Availability";
        Field<NonNullGraphType<BooleanGraphType>>("inStock").Resolve(context => context.Source.InStock);
        Field<NonNullGraphType<IntGraphType>>("quantityAvailable").Resolve(context => context.Source.QuantityAvailable);
    }
}

public sealed class LocationType : ObjectGraphType<Location>
{
    public LocationType()
    {
        this.AuthorizeWithPolicy(Permissions.InventoryRead);
        Name = "Location";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(context => context.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(context => context.Source.Name);
    }
}
