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
}
