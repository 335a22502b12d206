using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;
using UnifiedCommerce.Customers.Application;
using UnifiedCommerce.Customers.Domain;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;
using UnifiedCommerce.Subgraph;

namespace UnifiedCommerce.Customers.Graph;

public sealed class CustomersSchema : Schema
{
    public CustomersSchema(IServiceProvider services, CustomersQuery query, CustomersMutation mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
    }
}

public sealed class CustomersQuery : ObjectGraphType
{
    public CustomersQuery()
    {
        Name = "Query";
        Field<CustomerProfileType>("myProfile")
            .Description("The signed-in shopper's own profile; null until the sign-up has reached this service.")
            .RequireCustomerAccount()
            .ResolveAsync(async context => await Profiles(context).FindAsync(ShopperOf(context), context.CancellationToken));

        Field<NonNullGraphType<CustomerConnectionType>>("customers")
            .Description($"The merchant's customers, newest first. first: 1..{CustomerProfiles.MaxPageSize} (default {CustomerProfiles.DefaultPageSize}).")
            .AuthorizeWithPolicy(Permissions.CustomersRead)
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = CustomerProfiles.DefaultPageSize)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async context => await Profiles(context).ListAsync(
                context.GetArgument<int?>("first"), context.GetArgument<string?>("after"), context.CancellationToken));

        Field<CustomerType>("customer")
            .AuthorizeWithPolicy(Permissions.CustomersRead)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context => await Profiles(context).FindAsync(context.GetArgument<Guid>("id"), context.CancellationToken));
    }

    internal static CustomerProfiles Profiles(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<CustomerProfiles>();

    internal static BatchLoaders Loaders(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<BatchLoaders>();

    /// <summary>The field access rule has already admitted only customers' tokens; this reads whose.</summary>
    internal static Guid ShopperOf(IResolveFieldContext context) =>
        context.User?.CustomerAccountOf() ?? throw new ForbiddenException("This needs the access token of the shopper's own sign-in.");
}

public sealed class CustomersMutation : ObjectGraphType
{
    public CustomersMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<CustomerProfileType>>("updateMyProfile")
            .Description("Changes the signed-in shopper's name and phone. Invalid input is a BAD_USER_INPUT error naming each field (extensions.fields); nothing changes.")
            .RequireCustomerAccount()
            .Argument<NonNullGraphType<ProfileInputType>>("input")
            .ResolveAsync(async context => await CustomersQuery.Profiles(context).UpdateAsync(
                CustomersQuery.ShopperOf(context), context.GetArgument<ProfileInput>("input"), context.CancellationToken));

        Field<NonNullGraphType<CustomerType>>("updateCustomer")
            .Description("Staff correct a customer's name and phone (customers:write). Invalid input is a BAD_USER_INPUT error naming each field; nothing changes.")
            .AuthorizeWithPolicy(Permissions.CustomersWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<ProfileInputType>>("input")
            .ResolveAsync(async context => await CustomersQuery.Profiles(context).UpdateAsync(
                context.GetArgument<Guid>("id"), context.GetArgument<ProfileInput>("input"), context.CancellationToken));
    }
}

public sealed class ProfileInputType : InputObjectGraphType<ProfileInput>
{
    public ProfileInputType()
    {
        Name = "ProfileInput";
        Field<StringGraphType>("name").Description($"At most {CustomerProfile.MaxNameLength} characters; empty clears it.");
        Field<StringGraphType>("phone").Description("7 to 20 characters: digits, spaces, +, - and parentheses, at least 7 digits; empty clears it.");
    }
}

/// <summary>The shopper's view of their own profile.</summary>
public sealed class CustomerProfileType : ObjectGraphType<CustomerProfile>
{
    public CustomerProfileType()
    {
        this.RequireCustomerAccount();
        Name = "CustomerProfile";
        CustomerFields.Add(this);
    }
}

/// <summary>The merchant's view of a customer; an entity, so other subgraphs can point at customers by id.</summary>
public sealed class CustomerType : ObjectGraphType<CustomerProfile>
{
    public CustomerType()
    {
        this.AuthorizeWithPolicy(Permissions.CustomersRead);
        Name = "Customer";
        this.Key("id");
        this.ResolveReference<CustomerReference, CustomerProfile>((context, reference) =>
            CustomersQuery.Loaders(context).Load<Guid, CustomerProfile>(
                "customers-by-id", reference.Id, CustomersQuery.Profiles(context).ByIdsAsync, context.CancellationToken));
        CustomerFields.Add(this);
    }
}

/// <summary>The key of a customer the gateway asks this subgraph to resolve.</summary>
public sealed class CustomerReference
{
    public Guid Id { get; set; }
}

internal static class CustomerFields
{
    /// <summary>The same fields on both views, so the shopper and the merchant read a profile alike.</summary>
    public static void Add(ObjectGraphType<CustomerProfile> type)
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("The shopper's account id.").Resolve(context => context.Source.Id);
        type.Field<NonNullGraphType<StringGraphType>>("email").Resolve(context => context.Source.Email);
        type.Field<StringGraphType>("name").Resolve(context => context.Source.Name);
        type.Field<StringGraphType>("phone").Resolve(context => context.Source.Phone);
        type.Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(context => context.Source.CreatedAt);
        type.Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(context => context.Source.UpdatedAt);
    }
}

public sealed class CustomerConnectionType : ObjectGraphType<CustomerPage>
{
    public CustomerConnectionType()
    {
        this.AuthorizeWithPolicy(Permissions.CustomersRead);
        Name = "CustomerConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CustomerType>>>>("nodes").Resolve(context => context.Source.Nodes);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(context => context.Source.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(context => context.Source);
    }
}

/// <summary>The same PageInfo as the catalog's, so the supergraph has one (shared between subgraphs).</summary>
public sealed class PageInfoType : ObjectGraphType<CustomerPage>
{
    public PageInfoType()
    {
        this.AuthorizeWithPolicy(Permissions.CustomersRead);
        this.Shareable();
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(context => context.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Resolve(context => context.Source.EndCursor);
    }
}
