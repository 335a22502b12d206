using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.Catalog.Media;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Api;

/// <summary>
/// Product media over HTTP: the upload (multipart, products:write) and the renditions, which the storefront serves
/// from its own origin. A rendition's bytes never change (a new image is a new id), so they are cached for a year.
/// </summary>
public static class MediaApi
{
    private const string Immutable = "max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/products/{slug}/media", async (string slug, HttpRequest request, MediaCommands commands, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send a form.",
                    detail: "Upload the image as multipart/form-data: the image in the field 'file', its alt text in 'alt'.");
            }

            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { } file)
            {
                throw RequestValidationException.For("file", "Attach the image in the field 'file'.");
            }

            if (file.Length > MediaRules.MaxUploadBytes)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The image is too large.",
                    detail: $"An image may have at most {MediaRules.MaxUploadBytes / (1024 * 1024)} MB; this one has {file.Length:N0} bytes.");
            }

            if (file.Length == 0)
            {
                throw RequestValidationException.For("file", "The file is empty.");
            }

            var bytes = new byte[file.Length];
            await using (var content = file.OpenReadStream())
            {
                await content.ReadExactlyAsync(bytes, ct);
            }

            try
            {
                var media = await commands.UploadAsync(slug, bytes, form.TryGetValue("alt", out var alt) ? alt.ToString() : null, ct);
                return Results.Created(MediaResponse.UrlOf(media.Id, MediaRules.DefaultWidth, RenditionFormat.WebP), MediaResponse.From(media));
            }
            catch (ImageRefusedException refused)
            {
                return Results.Problem(statusCode: refused.Status, title: refused.Title, detail: refused.Message);
            }
        }).RequirePermission(Permissions.ProductsWrite)
            .WithTags("Catalog")
            .WithMetadata(new RequestSizeLimitAttribute(MediaRules.MaxRequestBytes))
            .WithDescription("Adds an image to the product, last: multipart/form-data with the image in 'file' (JPEG, PNG, WebP or GIF, judged by its bytes; at most 10 MB, 10000 pixels a side and 40 megapixels) and optional 'alt' (one line, at most 512 characters). Stored re-encoded without metadata; at most 50 per product. 415 for anything not such an image, 413 above 10 MB, 422 above the pixel limits.");

        endpoints.MapGet("/media/{mediaId:guid}/{rendition}", async (Guid mediaId, string rendition, ClaimsPrincipal user, HttpRequest request, HttpResponse response,
            MediaQueries queries, IMediaStorage storage, CancellationToken ct) =>
        {
            if (!TryParseRendition(rendition, out var width, out var format))
            {
                return NotFound($"Renditions are {string.Join(", ", MediaRules.Widths)} pixels wide, as .webp or .jpg.");
            }

            var withDrafts = user.HasPermission(Permissions.ProductsRead);
            if (await queries.FindVisibleAsync(mediaId, withDrafts, ct) is not { } media)
            {
                return NotFound($"No media {mediaId}.");
            }

            var served = MediaRules.ServedWidth(width, media.Width);
            var etag = $"\"{media.Id:N}-{served.ToString(CultureInfo.InvariantCulture)}-{ImageFormats.Extension(format)}\"";
            // A caller with a token may be seeing a draft's image: no shared cache may keep that answer.
            response.Headers.CacheControl = (request.Headers.Authorization.Count > 0 ? "private, " : "public, ") + Immutable;
            response.Headers.ETag = etag;
            if (request.Headers.IfNoneMatch.Any(value => value is not null && (value.Contains(etag, StringComparison.Ordinal) || value.Trim() == "*")))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            var contentType = ImageFormats.ContentType(format);
            var key = MediaKeys.Rendition(media.MerchantId, media.Id, served, format);
            if (await storage.OpenAsync(key, ct) is { } cached)
            {
                return Results.Stream(cached, contentType);
            }

            await using var original = await storage.OpenAsync(media.StorageKey, ct);
            if (original is null)
            {
                return NotFound($"The image of media {mediaId} is missing from storage.");
            }

            var bytes = await MediaImages.RenderAsync(original, served, format, ct);
            await storage.PutAsync(key, bytes, contentType, ct);
            return Results.Bytes(bytes, contentType);
        }).AllowAnonymous()
            .WithTags("Catalog")
            .WithDescription("A product image, resized: rendition is {width}.webp or {width}.jpg, width one of 160, 320, 480, 640, 960, 1280, 1600 (never wider than the original: a narrower original is served at the largest of these it fills). Published products' images are public; a draft's need products:read. Cached for a year (immutable) with an ETag.");

        return endpoints;
    }

    private static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);

    /// <summary>"640.webp": a listed width in canonical digits (no sign, no leading zero) and a known extension.</summary>
    private static bool TryParseRendition(string rendition, out int width, out RenditionFormat format)
    {
        width = 0;
        format = default;
        var dot = rendition.IndexOf('.', StringComparison.Ordinal);
        return dot is > 0 and <= 4
            && int.TryParse(rendition.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out width)
            && MediaRules.Widths.Contains(width)
            && width.ToString(CultureInfo.InvariantCulture) == rendition[..dot]
            && ImageFormats.TryParseExtension(rendition[(dot + 1)..], out format);
    }
}

/// <summary>A product image as REST shows it; <see cref="Url"/> is its default rendition, relative to the storefront's origin.</summary>
public sealed record MediaResponse(
    Guid Id, Guid ProductId, int Position, string Alt, string ContentType, int Width, int Height, long ByteSize, DateTimeOffset CreatedAt, string Url)
{
    public static MediaResponse From(ProductMedia media) => new(
        media.Id, media.ProductId, media.Position, media.Alt, media.ContentType, media.Width, media.Height, media.ByteSize, media.CreatedAt,
        UrlOf(media.Id, MediaRules.DefaultWidth, RenditionFormat.WebP));

    public static string UrlOf(Guid mediaId, int width, RenditionFormat format) =>
        $"/media/{mediaId}/{width.ToString(CultureInfo.InvariantCulture)}.{ImageFormats.Extension(format)}";
}
