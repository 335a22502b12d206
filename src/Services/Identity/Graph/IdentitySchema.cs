using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.Subgraph;

namespace UnifiedCommerce.Identity.Graph;

public sealed class IdentitySchema : Schema
{
    public IdentitySchema(IServiceProvider services, IdentityQuery query) : base(services)
    {
        Query = query;
    }
}

public sealed class IdentityQuery : ObjectGraphType
{
    public IdentityQuery()
    {
        // Storefronts look up their store by host name before anyone signs in.
        this.AllowAnonymous();
        Name = "Query";
        Field<StorefrontChannelType>("storefrontChannel")
            .Description("The store a host name belongs to (host without port, lower case); null when no store uses it.")
            .Argument<NonNullGraphType<StringGraphType>>("host")
            .ResolveAsync(async context =>
            {
                var host = context.GetArgument<string>("host");
                return await Merchants(context).FindByHostAsync(host, context.CancellationToken) is { } merchant
                    ? new StorefrontChannel(Application.Merchants.NormalizeHost(host)!, merchant)
                    : null;
            });
    }

    internal static Merchants Merchants(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<Merchants>();
}

public sealed record StorefrontChannel(string Host, Merchant Merchant);

public sealed class StorefrontChannelType : ObjectGraphType<StorefrontChannel>
{
    public StorefrontChannelType()
    {
        this.AllowAnonymous();
        Name = "StorefrontChannel";
        Field<NonNullGraphType<StringGraphType>>("host").Resolve(context => context.Source.Host);
        Field<NonNullGraphType<MerchantType>>("merchant").Resolve(context => context.Source.Merchant);
    }
}

public sealed class MerchantType : ObjectGraphType<Merchant>
{
    public MerchantType()
    {
        this.AllowAnonymous();
        Name = "Merchant";
        this.Key("id");
        this.ResolveReference<MerchantReference, Merchant>((context, reference) =>
            context.RequestServices!.GetRequiredService<BatchLoaders>()
                .Load<Guid, Merchant>("merchants-by-id", reference.Id, IdentityQuery.Merchants(context).ByIdAsync, context.CancellationToken));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(context => context.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("defaultCurrency").Resolve(context => context.Source.DefaultCurrency);
        Field<NonNullGraphType<MerchantStatusType>>("status").Resolve(context => context.Source.Status);
    }
}

public sealed class MerchantStatusType : EnumerationGraphType<MerchantStatus>
{
    public MerchantStatusType()
    {
        Name = "MerchantStatus";
    }
}

/// <summary>The key of a merchant the gateway asks this subgraph to resolve.</summary>
public sealed class MerchantReference
{
    public Guid Id { get; set; }
}
