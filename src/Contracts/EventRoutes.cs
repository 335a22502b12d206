using UnifiedCommerce.Contracts.Catalog;
using UnifiedCommerce.Contracts.Identity;
using UnifiedCommerce.Contracts.Inventory;

namespace UnifiedCommerce.Contracts;

/// <summary>
/// Which services subscribe to which integration events. Each service listens on one queue named after itself;
/// a publisher sends each event to the queue of every subscriber. Keeping the table here, beside the events,
/// lets the same routing work on every transport (PostgreSQL queues, RabbitMQ). Each event has exactly one
/// publisher: a service sends only its own events, and on the PostgreSQL bus its login may write only to the
/// queues of its own events' subscribers.
/// </summary>
public static class EventRoutes
{
    public const string Identity = "identity";
    public const string Catalog = "catalog";
    public const string Inventory = "inventory";
    public const string Customers = "customers";

    public static readonly IReadOnlyList<string> Services = [Identity, Catalog, Inventory, Customers];

    private static readonly Dictionary<Type, (string Publisher, string[] Subscribers)> RoutesByEvent = new()
    {
        // A publisher purges the public caches of its own changes itself, as its relay claims their events
        // (PublicCachePurgingSetup), so no service subscribes to its own events.
        [typeof(ProductChanged)] = (Catalog, [Inventory]),
        // Categories and collections: no other service acts on them yet.
        [typeof(CategoryChanged)] = (Catalog, []),
        [typeof(CollectionChanged)] = (Catalog, []),
        // Catalog keeps a copy of stock for the staff list's stock filter.
        [typeof(StockLevelChanged)] = (Inventory, [Catalog]),
        // No service acts on a deletion yet (Inventory keeps the stock rows of deleted variants as history): the
        // relay publishes it to no queue, and a subscriber added here starts receiving it.
        [typeof(ProductDeleted)] = (Catalog, []),
        // Every service keeps a copy of merchant standing, to close a suspended merchant's APIs at its own edge.
        [typeof(MerchantChanged)] = (Identity, [Catalog, Inventory, Customers]),
        [typeof(CustomerRegistered)] = (Identity, [Customers]),
        [typeof(CustomerAccountDeleted)] = (Identity, [Customers]),
        // Every service narrows staff tokens to the current role (Identity reads its own tables).
        [typeof(StaffAccessChanged)] = (Identity, [Catalog, Inventory, Customers]),
        // Every service refuses a deleted API client's tokens at its own edge (Identity reads its own tables).
        [typeof(ApiClientRevoked)] = (Identity, [Catalog, Inventory, Customers]),
    };

    public static IReadOnlyDictionary<Type, string[]> All =>
        RoutesByEvent.ToDictionary(route => route.Key, route => route.Value.Subscribers);

    public static IReadOnlyList<string> SubscribersOf(Type eventType) =>
        RoutesByEvent.TryGetValue(eventType, out var route) ? route.Subscribers : [];

    /// <summary>The events a service publishes, each with the queues it goes to.</summary>
    public static IEnumerable<(Type EventType, string[] Subscribers)> PublishedBy(string service) =>
        RoutesByEvent.Where(route => route.Value.Publisher == service).Select(route => (route.Key, route.Value.Subscribers));

    /// <summary>The queues a service sends to (never its own, unless it subscribes to its own events).</summary>
    public static IReadOnlyList<string> QueuesSentToBy(string service) =>
        PublishedBy(service).SelectMany(route => route.Subscribers).Distinct().Order(StringComparer.Ordinal).ToList();
}
