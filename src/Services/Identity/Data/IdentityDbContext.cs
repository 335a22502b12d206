using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Domain;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;

namespace UnifiedCommerce.Identity.Data;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options, IMerchantContext merchant)
    : TenantDbContext(options, merchant), IDataProtectionKeyContext
{
    public DbSet<Merchant> Merchants => Set<Merchant>();
    public DbSet<StorefrontHost> StorefrontHosts => Set<StorefrontHost>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<SignInAttempts> SignInAttempts => Set<SignInAttempts>();
    public DbSet<CustomRole> CustomRoles => Set<CustomRole>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    /// <summary>ASP.NET Core Data Protection keys (cookies, antiforgery tokens), shared by every Identity instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Deleted API clients, whose tokens are refused for the rest of their lifetime.</summary>
    public DbSet<RevokedApiClient> RevokedApiClients => Set<RevokedApiClient>();

    /// <summary>Identity's events, committed with the change they describe (merchants, staff access, accounts, clients).</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Merchant>(merchant =>
        {
            merchant.Property(m => m.Name).HasMaxLength(200);
            merchant.Property(m => m.DefaultCurrency).HasMaxLength(3).IsFixedLength();
            merchant.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            merchant.Property(m => m.SuspensionReason).HasMaxLength(500);
            merchant.Property(m => m.Version).IsConcurrencyToken();
            merchant.HasMany(m => m.Hosts).WithOne().HasForeignKey(h => h.MerchantId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StorefrontHost>(host =>
        {
            host.HasKey(h => h.Host);
            host.Property(h => h.Host).HasMaxLength(253);
        });

        modelBuilder.Entity<SigningKey>(key => key.Property(k => k.Use).HasConversion<string>().HasMaxLength(20));

        // Accounts span merchants by design (staff are platform-wide), so they are not IMerchantOwned: every
        // look-up names the merchant explicitly (see Accounts).
        modelBuilder.Entity<Account>(account =>
        {
            account.Property(a => a.Email).HasMaxLength(254);
            account.Property(a => a.NormalizedEmail).HasMaxLength(254);
            account.Property(a => a.PasswordHash).HasMaxLength(500);
            account.HasIndex(a => new { a.MerchantId, a.NormalizedEmail }).IsUnique().AreNullsDistinct(false);
            account.Property(a => a.FailedSignIns).IsConcurrencyToken();
        });

        modelBuilder.Entity<AccountToken>(token =>
        {
            token.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(30);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<EmailMessage>(message =>
        {
            message.Property(m => m.To).HasMaxLength(254);
            message.Property(m => m.Subject).HasMaxLength(300);
            message.Property(m => m.LastError).HasMaxLength(500);
            message.HasIndex(m => m.CreatedAt).HasFilter("sent_at IS NULL");
            message.HasIndex(m => new { m.To, m.CreatedAt });
        });

        modelBuilder.Entity<SecurityEvent>(security =>
        {
            security.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
            security.Property(e => e.Email).HasMaxLength(254);
            security.Property(e => e.ClientAddress).HasMaxLength(64);
            security.Property(e => e.UserAgent).HasMaxLength(300);
            security.Property(e => e.Detail).HasMaxLength(500);
            security.HasIndex(e => new { e.MerchantId, e.OccurredAt });
            security.HasIndex(e => new { e.AccountId, e.OccurredAt });
        });

        modelBuilder.Entity<SignInAttempts>(attempts =>
        {
            attempts.ToTable("sign_in_attempts");
            attempts.HasKey(a => new { a.Key, a.Bucket });
            attempts.Property(a => a.Key).HasMaxLength(80);
            attempts.HasIndex(a => a.Bucket);
        });

        modelBuilder.Entity<CustomRole>(role =>
        {
            role.Property(r => r.Name).HasMaxLength(100);
            role.HasIndex(r => new { r.MerchantId, r.Name }).IsUnique();
            role.Property(r => r.Version).IsConcurrencyToken();
        });

        // Staff accounts span merchants; the membership is what belongs to one (and is tenant-scoped).
        modelBuilder.Entity<StaffMember>(member =>
        {
            member.HasKey(m => new { m.MerchantId, m.AccountId });
            member.Property(m => m.RoleId).HasMaxLength(64);
            member.Property(m => m.Version).IsConcurrencyToken();
            member.HasIndex(m => m.AccountId);
            member.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StaffInvitation>(invitation =>
        {
            invitation.Property(i => i.Email).HasMaxLength(254);
            invitation.Property(i => i.NormalizedEmail).HasMaxLength(254);
            invitation.Property(i => i.RoleId).HasMaxLength(64);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
        });

        // OpenIddict's applications (API clients), authorizations, scopes and tokens.
        modelBuilder.UseOpenIddict();

        modelBuilder.Entity<RevokedApiClient>(client =>
        {
            client.ToTable("revoked_api_clients");
            client.HasKey(c => c.ClientId);
            client.Property(c => c.ClientId).HasMaxLength(200);
        });

        // Identity publishes events and consumes none; it decides what the other services keep copies of.
        modelBuilder.MapOutbox();
        base.OnModelCreating(modelBuilder);
    }
}
