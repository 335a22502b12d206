using GraphQL;
using GraphQL.Types;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Catalog.Graph;

/// <summary>
/// The category tree's edits (products:write), on the same commands as REST's PUT of a category. A move under the
/// category itself or a descendant is BAD_USER_INPUT on parentId; deleting a category with children is CONFLICT.
/// </summary>
public static class CategoryMutations
{
    public static void AddCategoryMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CategoryType>>("categoryCreate")
            .Description("Creates a category, last among its siblings; the slug is made from the name when left out.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<CategoryCreateInputType>>("input")
            .ResolveAsync(async context => await Commands(context).CreateCategoryAsync(
                context.GetArgument<CategoryCreateInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<CategoryType>>("categoryUpdate")
            .Description("Changes the fields given; the others stay.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<CategoryUpdateInputType>>("input")
            .ResolveAsync(async context => await Commands(context).UpdateCategoryAsync(
                context.GetArgument<Guid>("id"), context.GetArgument<CategoryUpdateInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<CategoryType>>("categoryMove")
            .Description("Moves the category under parentId (null: to the root) at position among its new siblings (from 0; past the end: last). Not under itself or a descendant.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IdGraphType>("parentId")
            .Argument<NonNullGraphType<IntGraphType>>("position")
            .ResolveAsync(async context => await Commands(context).MoveCategoryAsync(
                context.GetArgument<Guid>("id"), context.GetArgument<Guid?>("parentId"), context.GetArgument<int>("position"), context.CancellationToken));

        mutation.Field<NonNullGraphType<CategoryDeletePayloadType>>("categoryDelete")
            .Description("Deletes a category that has no subcategories (CONFLICT otherwise). Its products move to productsTo when given, else they lose it (the next category becomes primary).")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IdGraphType>("productsTo")
            .ResolveAsync(async context =>
            {
                var id = context.GetArgument<Guid>("id");
                await Commands(context).DeleteCategoryAsync(id, context.GetArgument<Guid?>("productsTo"), context.CancellationToken);
                return new CategoryDeletePayload(id);
            });
    }

    private static CatalogCommands Commands(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<CatalogCommands>();
}

public sealed record CategoryDeletePayload(Guid DeletedCategoryId);

public sealed class CategoryDeletePayloadType : ObjectGraphType<CategoryDeletePayload>
{
    public CategoryDeletePayloadType()
    {
        this.AuthorizeWithPolicy(Permissions.ProductsWrite);
        Name = "CategoryDeletePayload";
        Field<NonNullGraphType<IdGraphType>>("deletedCategoryId").Resolve(context => context.Source.DeletedCategoryId);
    }
}

public sealed class CategoryCreateInputType : InputObjectGraphType<CategoryCreateInput>
{
    public CategoryCreateInputType()
    {
        Name = "CategoryCreateInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description($"At most {CatalogLimits.Name} characters.");
        Field<StringGraphType>("slug").Description("1 to 120 lower-case letters, digits and single hyphens; made from the name when left out.");
        Field<IdGraphType>("parentId").Description("None: a root category.");
        Field<StringGraphType>("description").Description($"HTML, sanitised like a product's; at most {CatalogCommands.CategoryDescriptionLength} characters.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new CategoryCreateInput(
        (string)value["name"]!,
        ProductInputType.Get<string>(value, "slug"),
        value.TryGetValue("parentId", out var parent) && parent is not null ? ParseId(parent, "parentId") : null,
        ProductInputType.Get<string>(value, "description"));

    internal static Guid ParseId(object value, string field) =>
        value is Guid id ? id : Guid.TryParse(value.ToString(), out var parsed) ? parsed
            : throw UnifiedCommerce.ServiceDefaults.Http.RequestValidationException.For(field, "Not an id.");
}

public sealed class CategoryUpdateInputType : InputObjectGraphType<CategoryUpdateInput>
{
    public CategoryUpdateInputType()
    {
        Name = "CategoryUpdateInput";
        Field<StringGraphType>("name");
        Field<StringGraphType>("slug");
        Field<StringGraphType>("description");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new CategoryUpdateInput(
        ProductInputType.Get<string>(value, "name"),
        ProductInputType.Get<string>(value, "slug"),
        ProductInputType.Get<string>(value, "description"));
}
