using GraphQL;
using GraphQL.Types;
using UnifiedCommerce.Catalog.Api;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.Catalog.Media;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Graph;

/// <summary>
/// Product media in the graph: Product.media, ProductVariant.image and the media mutations. Media are read through
/// their product, so they follow its visibility; a page of products loads all its media in one query.
/// </summary>
public static class MediaGraph
{
    public static object MediaOf(IResolveFieldContext<Product> context) =>
        EntityLoading.Loaders(context).Load<Guid, IReadOnlyList<ProductMedia>>(
            "media-by-product", context.Source.Id, Queries(context).MediaByProductAsync, context.CancellationToken, []);

    public static object? ImageOf(IResolveFieldContext<ProductVariant> context) => context.Source.ImageId is { } id
        ? EntityLoading.Loaders(context).Load<Guid, ProductMedia>("media-by-id", id, Queries(context).MediaByIdAsync, context.CancellationToken)
        : null;

    /// <summary>The media mutations (products:write), with the errors of the other catalog mutations: NOT_FOUND, BAD_USER_INPUT.</summary>
    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ProductMediaType>>("productMediaUpdate")
            .Description($"Sets an image's alt text (one line, at most {MediaRules.MaxAltLength} characters; null or empty clears it). Does not change the product's version.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<StringGraphType>("alt")
            .ResolveAsync(async context => await Commands(context).UpdateAltAsync(
                context.GetArgument<Guid>("id"), context.GetArgument<string?>("alt"), context.CancellationToken));

        mutation.Field<NonNullGraphType<ProductType>>("productMediaReorder")
            .Description("Puts the product's images in this order (the first is the main image); mediaIds names each of them exactly once. Does not change the product's version.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("productId")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("mediaIds")
            .ResolveAsync(async context => await Commands(context).ReorderAsync(
                context.GetArgument<Guid>("productId"), context.GetArgument<List<Guid>>("mediaIds"), context.CancellationToken));

        mutation.Field<NonNullGraphType<ProductMediaDeletePayloadType>>("productMediaDelete")
            .Description("Deletes an image and its files; variants it showed show none. Does not change the product's version.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context =>
            {
                var id = context.GetArgument<Guid>("id");
                await Commands(context).DeleteAsync(id, context.CancellationToken);
                return new ProductMediaDeletePayload(id);
            });

        mutation.Field<NonNullGraphType<ProductVariantType>>("productVariantImageSet")
            .Description("Shows the variant with one of its own product's images; mediaId null clears it. Does not change the product's version.")
            .AuthorizeWithPolicy(Permissions.ProductsWrite)
            .Argument<NonNullGraphType<IdGraphType>>("variantId")
            .Argument<IdGraphType>("mediaId")
            .ResolveAsync(async context => await Commands(context).SetVariantImageAsync(
                context.GetArgument<Guid>("variantId"), context.GetArgument<Guid?>("mediaId"), context.CancellationToken));
    }

    private static MediaQueries Queries(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<MediaQueries>();

    private static MediaCommands Commands(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<MediaCommands>();
}

public sealed class ProductMediaType : ObjectGraphType<ProductMedia>
{
    public ProductMediaType()
    {
        this.AllowAnonymous();
        Name = "ProductMedia";
        Description = "An image of a product, served in renditions of fixed widths.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("alt").Description("What the image shows; empty when the merchant wrote none.").Resolve(context => context.Source.Alt);
        Field<NonNullGraphType<IntGraphType>>("position").Description("Its place among the product's images, from 0: the first is the main image.").Resolve(context => context.Source.Position);
        Field<NonNullGraphType<IntGraphType>>("width").Description("The original's width in pixels.").Resolve(context => context.Source.Width);
        Field<NonNullGraphType<IntGraphType>>("height").Description("The original's height in pixels.").Resolve(context => context.Source.Height);
        Field<NonNullGraphType<StringGraphType>>("url")
            .Description($"The rendition's path, relative to the storefront's (or gateway's) origin, e.g. /media/<id>/640.webp. width: one of {string.Join(", ", MediaRules.Widths)}; an original narrower than that is served at the largest of these it fills.")
            .Argument<IntGraphType>("width", arg => arg.DefaultValue = MediaRules.DefaultWidth)
            .Argument<MediaFormatType>("format", arg => arg.DefaultValue = RenditionFormat.WebP)
            .Resolve(context =>
            {
                var width = context.GetArgument<int>("width");
                if (!MediaRules.Widths.Contains(width))
                {
                    throw RequestValidationException.For("width", $"Use one of {string.Join(", ", MediaRules.Widths)}.");
                }

                return MediaResponse.UrlOf(context.Source.Id, width, context.GetArgument<RenditionFormat>("format"));
            });
    }
}

public sealed class MediaFormatType : EnumerationGraphType
{
    public MediaFormatType()
    {
        Name = "MediaFormat";
        Description = "The format of a rendition.";
        Add("WEBP", RenditionFormat.WebP, "WebP: smaller; every current browser shows it.");
        Add("JPEG", RenditionFormat.Jpeg, "JPEG: for the few clients that cannot show WebP.");
    }
}

public sealed record ProductMediaDeletePayload(Guid DeletedMediaId);

public sealed class ProductMediaDeletePayloadType : ObjectGraphType<ProductMediaDeletePayload>
{
    public ProductMediaDeletePayloadType()
    {
        this.AuthorizeWithPolicy(Permissions.ProductsWrite);
        Name = "ProductMediaDeletePayload";
        Field<NonNullGraphType<IdGraphType>>("deletedMediaId").Resolve(context => context.Source.DeletedMediaId);
    }
}
