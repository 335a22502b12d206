using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.Catalog.Media;
using UnifiedCommerce.IdentityReadModels;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Catalog.Data;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options, IMerchantContext merchant)
    : TenantDbContext(options, merchant)
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductVariant> Variants => Set<ProductVariant>();
    public DbSet<ProductMedia> Media => Set<ProductMedia>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Collection> Collections => Set<Collection>();
    public DbSet<CollectionProduct> CollectionProducts => Set<CollectionProduct>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();
    public DbSet<VariantStock> VariantStock => Set<VariantStock>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Category>(category =>
        {
            category.HasIndex(c => new { c.MerchantId, c.Slug }).IsUnique();
            category.Property(c => c.Slug).HasMaxLength(120);
            category.Property(c => c.Name).HasMaxLength(200);
            category.Property(c => c.Description).HasMaxLength(5_000);
            category.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Product>(product =>
        {
            product.HasIndex(p => new { p.MerchantId, p.Slug }).IsUnique();
            product.HasIndex(p => new { p.MerchantId, p.CategoryId });
            // The storefront listing: a merchant's active products, newest first (ids are time-ordered), read in
            // index order a page at a time instead of sorting the whole catalog per request; the publishing window
            // is checked on the rows read.
            product.HasIndex(p => new { p.MerchantId, p.Id }, "ix_products_active_listing").HasFilter("status = 'active'").HasDatabaseName("ix_products_active_listing");
            // The staff list, newest first, paged by id: all of it, or filtered by status or brand.
            product.HasIndex(p => new { p.MerchantId, p.Id }, "ix_products_staff_listing").HasDatabaseName("ix_products_staff_listing");
            product.HasIndex(p => new { p.MerchantId, p.Status, p.Id }).HasDatabaseName("ix_products_staff_status");
            product.HasIndex(p => new { p.MerchantId, p.Brand, p.Id }).HasDatabaseName("ix_products_staff_brand");
            // Tag and category filters test array membership: GIN indexes (merchant_id narrows the rows through the others).
            product.HasIndex(p => p.Tags).HasMethod("gin");
            product.HasIndex(p => p.CategoryIds).HasMethod("gin");
            product.Property(p => p.Slug).HasMaxLength(160);
            product.Property(p => p.Name).HasMaxLength(200);
            product.Property(p => p.Description).HasMaxLength(20_000);
            product.Property(p => p.Brand).HasMaxLength(100);
            product.Property(p => p.ProductType).HasMaxLength(100);
            product.Property(p => p.SeoTitle).HasMaxLength(70);
            product.Property(p => p.SeoDescription).HasMaxLength(320);
            product.Property(p => p.Status).HasMaxLength(16).HasConversion(
                status => status.ToString().ToLowerInvariant(),
                text => Enum.Parse<ProductStatus>(text, true));
            product.Property(p => p.Version).IsConcurrencyToken();
            product.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
            product.HasMany(p => p.Variants).WithOne().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
            product.Navigation(p => p.Variants).AutoInclude(false);
            product.OwnsMany(p => p.Options, options => options.ToJson());
            product.Ignore(p => p.PriceFrom);
        });

        modelBuilder.Entity<ProductVariant>(variant =>
        {
            variant.HasIndex(v => new { v.MerchantId, v.Sku }).IsUnique();
            // A product's variants come back in display order straight from the index.
            variant.HasIndex(v => new { v.ProductId, v.SortOrder });
            variant.Property(v => v.Sku).HasMaxLength(64);
            variant.Property(v => v.Title).HasMaxLength(200);
            variant.Property(v => v.Barcode).HasMaxLength(64);
            variant.Property(v => v.Currency).HasMaxLength(3).IsFixedLength();
            variant.OwnsMany(v => v.Options, options => options.ToJson());
            variant.ToTable(table =>
            {
                table.HasCheckConstraint("ck_variants_price_not_negative", "price_amount >= 0");
                table.HasCheckConstraint("ck_variants_compare_at_not_below_price", "compare_at_price_amount IS NULL OR compare_at_price_amount >= price_amount");
                table.HasCheckConstraint("ck_variants_cost_not_negative", "cost_amount IS NULL OR cost_amount >= 0");
            });
            variant.HasOne<ProductMedia>().WithMany().HasForeignKey(v => v.ImageId).OnDelete(DeleteBehavior.SetNull);
            variant.Ignore(v => v.Price);
            variant.Ignore(v => v.CompareAtPrice);
            variant.Ignore(v => v.Cost);
        });

        modelBuilder.Entity<ProductMedia>(media =>
        {
            media.ToTable("product_media");
            // A product's media come back in display order straight from the index.
            media.HasIndex(m => new { m.ProductId, m.Position });
            media.Property(m => m.Alt).HasMaxLength(MediaRules.MaxAltLength);
            media.Property(m => m.ContentType).HasMaxLength(32);
            media.Property(m => m.StorageKey).HasMaxLength(200);
            media.HasOne<Product>().WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Cascade);
            media.ToTable(table =>
            {
                table.HasCheckConstraint("ck_product_media_size_positive", "width > 0 AND height > 0 AND byte_size > 0");
            });
        });

        modelBuilder.Entity<VariantStock>(stock =>
        {
            stock.ToTable("variant_stock");
            // The stock-state filter reads each of a product's variants' rows by this key.
            stock.HasKey(s => s.VariantId);
        });
        // The staff list's orders by title and by last edit, paged by (key, id).
        modelBuilder.Entity<Product>().HasIndex(p => new { p.MerchantId, p.Name, p.Id }).HasDatabaseName("ix_products_staff_title");
        modelBuilder.Entity<Product>().HasIndex(p => new { p.MerchantId, p.UpdatedAt, p.Id }).HasDatabaseName("ix_products_staff_updated");

        modelBuilder.MapCollections();
        modelBuilder.MapImports();
        modelBuilder.MapOutbox();
        modelBuilder.MapIdentityReadModels();
        base.OnModelCreating(modelBuilder);
    }
}
