using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.ServiceData;

/// <summary>
/// The base of every service's DbContext. Scopes tenancy centrally: a query filter on every
/// <see cref="IMerchantOwned"/> entity limits reads to the merchant in context (none in context: nothing is
/// visible), and a guard on save stamps new rows with that merchant and refuses any write to another merchant's
/// rows. What else a service's database holds (the outbox, processed events, copies of Identity's decisions) its
/// own context maps, so no database holds a table its service never uses.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options, IMerchantContext merchantContext)
    : DbContext(options)
{
    /// <summary>Read by the query filters at execution time (EF Core parameterizes context members).</summary>
    protected Guid? CurrentMerchantId => merchantContext.MerchantId;

    /// <summary>The merchant each connection tells PostgreSQL it acts for (row-level security).</summary>
    internal Guid? MerchantForSession => merchantContext.MerchantId;

    internal bool IsAcrossMerchants => _acrossMerchants is not null;

    private AcrossMerchantsScope? _acrossMerchants;

    /// <summary>
    /// Lets the operations run until the returned scope is disposed see rows of every merchant, past row-level
    /// security. For the few places where a person acts for themselves across merchants; each such query also says
    /// <c>IgnoreQueryFilters()</c> and filters by that person. Writes to other merchants' rows stay refused, except
    /// to the rows the scope names (<see cref="AcrossMerchantsScope.Writing"/>), saved while it lasts.
    /// </summary>
    public AcrossMerchantsScope AcrossMerchants()
    {
        _acrossMerchants = new AcrossMerchantsScope(this);
        return _acrossMerchants;
    }

    /// <summary>An explicit reach across merchants: reads of every merchant, and writes to exactly the rows it names.</summary>
    public sealed class AcrossMerchantsScope : IDisposable
    {
        private readonly TenantDbContext _db;
        private readonly HashSet<IMerchantOwned> _writable = new(ReferenceEqualityComparer.Instance);

        internal AcrossMerchantsScope(TenantDbContext db) => _db = db;

        /// <summary>
        /// These rows, as loaded, may be changed or removed although they belong to other merchants; they stay
        /// with their merchant, and nothing is added to another merchant.
        /// </summary>
        public AcrossMerchantsScope Writing(IEnumerable<IMerchantOwned> rows)
        {
            _writable.UnionWith(rows);
            return this;
        }

        internal bool Allows(IMerchantOwned row) => _writable.Contains(row);

        public void Dispose()
        {
            if (ReferenceEquals(_db._acrossMerchants, this))
            {
                _db._acrossMerchants = null;
            }
        }
    }

    /// <summary>Call last from the service's own OnModelCreating: it covers every tenant-owned entity mapped before it.</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (typeof(IMerchantOwned).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null)
            {
                modelBuilder.Entity(entityType.ClrType).HasQueryFilter(MerchantFilter(entityType.ClrType));
                modelBuilder.Entity(entityType.ClrType).HasIndex(nameof(IMerchantOwned.MerchantId));
            }
        }
    }

    private LambdaExpression MerchantFilter(Type entityClrType)
    {
        // entity => (Guid?)entity.MerchantId == this.CurrentMerchantId
        var entity = Expression.Parameter(entityClrType, "entity");
        var rowMerchant = Expression.Convert(Expression.Property(entity, nameof(IMerchantOwned.MerchantId)), typeof(Guid?));
        var currentMerchant = Expression.Property(Expression.Constant(this), nameof(CurrentMerchantId));
        return Expression.Lambda(Expression.Equal(rowMerchant, currentMerchant), entity);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once, here: the guard reads every entry, and the save would detect them all again
        // (an import batch tracks well over a thousand entries, and each pass reads every property of each).
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            GuardTenancy();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: services never block a thread on the database.");

    private void GuardTenancy()
    {
        foreach (var entry in ChangeTracker.Entries<IMerchantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            // A row the explicit cross-merchant scope names may be changed or removed, within its own merchant.
            if (entry.State is EntityState.Modified or EntityState.Deleted
                && _acrossMerchants?.Allows(entry.Entity) == true
                && OriginalMerchant(entry) == entry.Entity.MerchantId)
            {
                continue;
            }

            var current = merchantContext.MerchantId
                ?? throw new CrossTenantAccessException("A tenant-owned row was written with no merchant in context.");
            if (entry.State == EntityState.Added && entry.Entity.MerchantId == Guid.Empty)
            {
                entry.Entity.MerchantId = current;
            }

            var original = entry.State == EntityState.Added ? entry.Entity.MerchantId : OriginalMerchant(entry);
            if (original != current || entry.Entity.MerchantId != current)
            {
                throw new CrossTenantAccessException("A row of another merchant cannot be written.");
            }
        }
    }

    private static Guid OriginalMerchant(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<IMerchantOwned> entry) =>
        entry.Property(nameof(IMerchantOwned.MerchantId)).OriginalValue as Guid? ?? Guid.Empty;
}
