using UnifiedCommerce.Contracts.Catalog;
using UnifiedCommerce.Contracts.Identity;

namespace UnifiedCommerce.Contracts;

/// <summary>
/// Which services subscribe to which integration events. Each service listens on one queue named after itself;
/// a publisher sends each event to the queue of every subscriber. Keeping the table here, beside the events,
/// lets the same routing work on every transport (PostgreSQL queues, RabbitMQ).
/// </summary>
public static class EventRoutes
{
    public const string Identity = "identity";
    public const string Catalog = "catalog";
    public const string Inventory = "inventory";
    public const string Customers = "customers";

    private static readonly Dictionary<Type, string[]> SubscribersByEvent = new()
    {
        [typeof(ProductChanged)] = [Inventory],
        // Every service keeps a copy of merchant standing, to close a suspended merchant's APIs at its own edge.
        [typeof(MerchantChanged)] = [Catalog, Inventory, Customers],
        [typeof(CustomerRegistered)] = [Customers],
        [typeof(CustomerAccountDeleted)] = [Customers],
        // Every service narrows staff tokens to the current role (Identity reads its own tables).
        [typeof(StaffAccessChanged)] = [Catalog, Inventory, Customers],
        // Every service refuses a deleted API client's tokens at its own edge (Identity reads its own tables).
        [typeof(ApiClientRevoked)] = [Catalog, Inventory, Customers],
    };

    public static IReadOnlyDictionary<Type, string[]> All => SubscribersByEvent;

    public static IReadOnlyList<string> SubscribersOf(Type eventType) =>
        SubscribersByEvent.TryGetValue(eventType, out var queues) ? queues : [];
}
