namespace UnifiedCommerce.Hosting;

/// <summary>
/// The databases of the platform: one per service, each with an owner role (runs migrations) and an app role
/// (what the service logs in as: data access only, nothing else), plus the shared <c>bus</c> database for
/// message queues.
/// </summary>
public static class PlatformDatabases
{
    public const string Bus = "bus";

    public static readonly IReadOnlyList<string> Services = ["identity", "catalog", "inventory", "customers"];

    public static string OwnerRole(string service) => $"{service}_owner";

    public static string AppRole(string service) => $"{service}_app";

    /// <summary>What a service logs in to the bus database as: owns its own schema there, and may only send to
    /// the queues of its own events' subscribers.</summary>
    public static string BusRole(string service) => $"{service}_bus";

    /// <summary>The schema of the PostgreSQL transport's queue tables in the bus database (Wolverine's default).</summary>
    public const string QueueSchema = "wolverine_queues";
}
