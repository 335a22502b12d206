using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Domain;

namespace UnifiedCommerce.Catalog.Data;

/// <summary>The tables of collections, mapped beside the products they list.</summary>
internal static class CollectionModel
{
    public static ModelBuilder MapCollections(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Collection>(collection =>
        {
            collection.HasIndex(c => new { c.MerchantId, c.Slug }).IsUnique();
            // The storefront's list of collections, newest first, paged by id.
            collection.HasIndex(c => new { c.MerchantId, c.Id }).HasDatabaseName("ix_collections_listing");
            collection.Property(c => c.Slug).HasMaxLength(120);
            collection.Property(c => c.Title).HasMaxLength(200);
            collection.Property(c => c.Description).HasMaxLength(20_000);
            collection.Property(c => c.Kind).HasMaxLength(16).HasConversion(kind => kind.ToString().ToLowerInvariant(), text => Enum.Parse<CollectionKind>(text, true));
            collection.Property(c => c.Match).HasMaxLength(8).HasConversion(match => match.ToString().ToLowerInvariant(), text => Enum.Parse<RuleMatch>(text, true));
            collection.Property(c => c.Version).IsConcurrencyToken();
            collection.OwnsMany(c => c.Conditions, conditions =>
            {
                conditions.ToJson();
                conditions.Property(c => c.Field).HasConversion<string>();
                conditions.Property(c => c.Operator).HasConversion<string>();
            });
        });

        modelBuilder.Entity<CollectionProduct>(member =>
        {
            member.HasKey(m => new { m.CollectionId, m.ProductId });
            // A manual collection's page in its order straight from the index; a product's collections by product.
            member.HasIndex(m => new { m.CollectionId, m.Position });
            member.HasIndex(m => m.ProductId);
            member.HasOne<Collection>().WithMany().HasForeignKey(m => m.CollectionId).OnDelete(DeleteBehavior.Cascade);
            member.HasOne<Product>().WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Cascade);
        });

        // Rule conditions on a product's type and on the lowest variant price read these (brand and tags have theirs).
        modelBuilder.Entity<Product>().HasIndex(p => new { p.MerchantId, p.ProductType }).HasDatabaseName("ix_products_product_type");
        modelBuilder.Entity<ProductVariant>().HasIndex(v => new { v.ProductId, v.PriceAmount }).HasDatabaseName("ix_variants_product_price");
        return modelBuilder;
    }
}
