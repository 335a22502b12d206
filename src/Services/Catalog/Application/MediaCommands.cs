using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.Catalog.Media;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Application;

/// <summary>
/// Product media: upload, alt text, order, removal, and which image shows a variant. A media change does not bump the
/// product's version (an editor's open form stays valid while images upload) but publishes ProductChanged with
/// "media" in its changes, in the same transaction, so the public caches purge.
/// </summary>
public sealed class MediaCommands(CatalogDbContext db, IMerchantContext merchant, IMediaStorage storage, TimeProvider clock, ILogger<MediaCommands> logger)
{
    /// <summary>
    /// Checks, re-encodes and stores an image as the product's last media. The bytes are stored before the row is
    /// saved (a row never names missing bytes) and removed again when the save fails.
    /// </summary>
    public async Task<ProductMedia> UploadAsync(string slug, byte[] upload, string? alt, CancellationToken cancellationToken)
    {
        var merchantId = merchant.RequireMerchantId();
        var validAlt = ValidAlt(alt);
        var product = await db.Products.Include(p => p.Variants).FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken)
            ?? throw new NotFoundException($"No product '{slug}'.");
        // Refused early when full, before the work of decoding; checked again under the lock below.
        await RequireRoomAsync(product, cancellationToken);
        var image = await MediaImages.NormaliseAsync(upload, cancellationToken);
        var media = new ProductMedia
        {
            ProductId = product.Id,
            Alt = validAlt,
            ContentType = image.ContentType,
            Width = image.Width,
            Height = image.Height,
            ByteSize = image.Bytes.Length,
            StorageKey = "",
            CreatedAt = clock.GetUtcNow(),
        };
        media.StorageKey = MediaKeys.Original(merchantId, media.Id, image.Extension);
        await storage.PutAsync(media.StorageKey, image.Bytes, image.ContentType, cancellationToken);
        try
        {
            // Concurrent uploads to one product take turns here (a lock on its row), so the limit holds and each
            // image gets a position of its own.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM products WHERE id = {product.Id} FOR UPDATE", cancellationToken);
            media.Position = await RequireRoomAsync(product, cancellationToken);
            db.Media.Add(media);
            Announce(product);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            await RemoveFilesAsync([media]);
            throw;
        }

        return media;
    }

    /// <summary>The position a new image of the product takes (after the last), or a conflict when it has the most it may have.</summary>
    private async Task<int> RequireRoomAsync(Product product, CancellationToken cancellationToken)
    {
        var positions = await db.Media.Where(m => m.ProductId == product.Id).Select(m => m.Position).ToListAsync(cancellationToken);
        if (positions.Count >= MediaRules.MaxPerProduct)
        {
            throw new ConflictException($"'{product.Slug}' has {MediaRules.MaxPerProduct} images already, the most a product may have: delete one first.");
        }

        return positions.Count == 0 ? 0 : positions.Max() + 1;
    }

    public async Task<ProductMedia> UpdateAltAsync(Guid mediaId, string? alt, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var validAlt = ValidAlt(alt);
        var media = await FindAsync(mediaId, cancellationToken);
        if (media.Alt == validAlt)
        {
            return media;
        }

        media.Alt = validAlt;
        Announce(await ProductOfAsync(media.ProductId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return media;
    }

    /// <summary>Puts the product's media in the given order; the list names each of them exactly once, and nothing else.</summary>
    public async Task<Product> ReorderAsync(Guid productId, IReadOnlyList<Guid> mediaIds, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var product = await ProductOfAsync(productId, cancellationToken);
        var media = await db.Media.Where(m => m.ProductId == productId).ToListAsync(cancellationToken);
        if (mediaIds.Count != media.Count || mediaIds.Distinct().Count() != mediaIds.Count || !media.All(m => mediaIds.Contains(m.Id)))
        {
            throw RequestValidationException.For("mediaIds",
                $"Name each of the product's {media.Count} images exactly once, in the new order (and no image of any other product).");
        }

        var changed = false;
        foreach (var item in media)
        {
            var position = mediaIds.ToList().IndexOf(item.Id);
            changed |= item.Position != position;
            item.Position = position;
        }

        if (changed)
        {
            Announce(product);
            await db.SaveChangesAsync(cancellationToken);
        }

        return product;
    }

    /// <summary>Removes the media (variants it showed show none) and its stored files; the others keep their order.</summary>
    public async Task DeleteAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var media = await FindAsync(mediaId, cancellationToken);
        var product = await ProductOfAsync(media.ProductId, cancellationToken);
        foreach (var variant in product.Variants.Where(v => v.ImageId == media.Id))
        {
            variant.ImageId = null;
        }

        db.Media.Remove(media);
        var rest = await db.Media.Where(m => m.ProductId == media.ProductId && m.Id != media.Id).OrderBy(m => m.Position).ToListAsync(cancellationToken);
        for (var index = 0; index < rest.Count; index++)
        {
            rest[index].Position = index;
        }

        Announce(product);
        await db.SaveChangesAsync(cancellationToken);
        await RemoveFilesAsync([media]);
    }

    /// <summary>Shows the variant with one of its own product's media, or with none (<paramref name="mediaId"/> null).</summary>
    public async Task<ProductVariant> SetVariantImageAsync(Guid variantId, Guid? mediaId, CancellationToken cancellationToken)
    {
        merchant.RequireMerchantId();
        var variant = await db.Variants.FirstOrDefaultAsync(v => v.Id == variantId, cancellationToken)
            ?? throw new NotFoundException($"No variant {variantId}.");
        if (mediaId is { } id)
        {
            var media = await FindAsync(id, cancellationToken);
            if (media.ProductId != variant.ProductId)
            {
                throw RequestValidationException.For("mediaId", "The image belongs to another product: a variant shows one of its own product's images.");
            }
        }

        if (variant.ImageId == mediaId)
        {
            return variant;
        }

        variant.ImageId = mediaId;
        Announce(await ProductOfAsync(variant.ProductId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return variant;
    }

    /// <summary>Removes the stored files of media whose rows are gone; a failure leaves an unreachable file, never a broken row.</summary>
    public async Task RemoveFilesAsync(IReadOnlyList<ProductMedia> removed)
    {
        foreach (var media in removed)
        {
            foreach (var key in MediaKeys.All(media.MerchantId == Guid.Empty ? merchant.RequireMerchantId() : media.MerchantId, media.Id, media.StorageKey, media.Width))
            {
                try
                {
                    await storage.DeleteAsync(key, CancellationToken.None);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    logger.LogWarning(exception, "Could not remove the stored media file {Key}; it is no longer referenced.", key);
                }
            }
        }
    }

    /// <summary>The product's ProductChanged, naming "media", at its current version (media do not bump it).</summary>
    private void Announce(Product product) =>
        db.OutboxMessages.Add(OutboxMessage.From(ProductChanges.Event(product, ["media"], merchant.RequireMerchantId(), clock.GetUtcNow())));

    private async Task<ProductMedia> FindAsync(Guid mediaId, CancellationToken cancellationToken) =>
        await db.Media.FirstOrDefaultAsync(m => m.Id == mediaId, cancellationToken) ?? throw new NotFoundException($"No media {mediaId}.");

    private async Task<Product> ProductOfAsync(Guid productId, CancellationToken cancellationToken) =>
        await db.Products.Include(p => p.Variants).FirstOrDefaultAsync(p => p.Id == productId, cancellationToken)
            ?? throw new NotFoundException($"No product {productId}.");

    /// <summary>Alt text: optional, one line, at most <see cref="MediaRules.MaxAltLength"/> characters, stored trimmed.</summary>
    private static string ValidAlt(string? alt)
    {
        var errors = new FieldErrors().SingleLine("alt", alt);
        var trimmed = alt?.Trim() ?? "";
        if (trimmed.Length > MediaRules.MaxAltLength)
        {
            errors.Add("alt", $"At most {MediaRules.MaxAltLength} characters.");
        }

        errors.ThrowIfAny();
        return trimmed;
    }
}
