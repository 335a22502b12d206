using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Domain;
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
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Category>(category =>
        {
            category.HasIndex(c => new { c.MerchantId, c.Slug }).IsUnique();
            category.Property(c => c.Slug).HasMaxLength(120);
            category.Property(c => c.Name).HasMaxLength(200);
            category.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Product>(product =>
        {
            product.HasIndex(p => new { p.MerchantId, p.Slug }).IsUnique();
            product.HasIndex(p => new { p.MerchantId, p.CategoryId });
            // The storefront listing: a merchant's published products, newest first (ids are time-ordered), read
            // in index order a page at a time instead of sorting the whole catalog per request.
            product.HasIndex(p => new { p.MerchantId, p.Id }).HasFilter("is_published").HasDatabaseName("ix_products_published_listing");
            product.Property(p => p.Slug).HasMaxLength(160);
            product.Property(p => p.Name).HasMaxLength(200);
            product.Property(p => p.Description).HasMaxLength(5000);
            product.Property(p => p.Version).IsConcurrencyToken();
            product.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
            product.HasMany(p => p.Variants).WithOne().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
            product.Navigation(p => p.Variants).AutoInclude(false);
            product.Ignore(p => p.PriceFrom);
        });

        modelBuilder.Entity<ProductVariant>(variant =>
        {
            variant.HasIndex(v => new { v.MerchantId, v.Sku }).IsUnique();
            // A product's variants come back in display order straight from the index.
            variant.HasIndex(v => new { v.ProductId, v.SortOrder });
            variant.Property(v => v.Sku).HasMaxLength(64);
            variant.Property(v => v.Title).HasMaxLength(200);
            variant.Property(v => v.Currency).HasMaxLength(3).IsFixedLength();
            variant.OwnsMany(v => v.Options, options => options.ToJson());
            variant.ToTable(table => table.HasCheckConstraint("ck_variants_price_not_negative", "price_amount >= 0"));
            variant.Ignore(v => v.Price);
        });

        modelBuilder.MapOutbox();
        modelBuilder.MapIdentityReadModels();
        base.OnModelCreating(modelBuilder);
    }
}
