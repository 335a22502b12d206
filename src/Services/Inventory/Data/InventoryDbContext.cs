using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Inventory.Domain;
using UnifiedCommerce.IdentityReadModels;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Inventory.Data;

public sealed class InventoryDbContext(DbContextOptions<InventoryDbContext> options, IMerchantContext merchant)
    : TenantDbContext(options, merchant)
{
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<StockItem> StockItems => Set<StockItem>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Location>(location =>
        {
            location.HasIndex(l => new { l.MerchantId, l.Code }).IsUnique();
            location.Property(l => l.Code).HasMaxLength(64);
            location.Property(l => l.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<StockItem>(stock =>
        {
            stock.ToTable("stock_items", table =>
            {
                table.HasCheckConstraint("ck_stock_items_on_hand_not_negative", "on_hand >= 0");
                table.HasCheckConstraint("ck_stock_items_reserved_within_on_hand", "reserved >= 0 AND reserved <= on_hand");
            });
            stock.HasIndex(s => new { s.MerchantId, s.VariantId, s.LocationId }).IsUnique();
            stock.HasIndex(s => new { s.MerchantId, s.ProductId });
            stock.Property(s => s.Sku).HasMaxLength(64);
            stock.Property(s => s.Version).IsConcurrencyToken();
            stock.HasOne<Location>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
            stock.Ignore(s => s.Available);
        });

        // It publishes stock changes (the outbox) and applies the events it consumes once (processed events).
        modelBuilder.MapOutbox();
        modelBuilder.MapProcessedEvents();
        modelBuilder.MapIdentityReadModels();
        base.OnModelCreating(modelBuilder);
    }
}
