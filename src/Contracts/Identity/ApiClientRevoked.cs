namespace UnifiedCommerce.Contracts.Identity;

/// <summary>
/// A merchant's API client was deleted: from now on no service accepts its tokens, not even those issued before
/// (they would otherwise keep working until they expire). The merchant id is the client's merchant; the aggregate
/// id is derived from the client id (<see cref="AggregateIdOf"/>), since a client is named by a string. A revocation
/// is final, so there is one version. Every service keeps a copy and refuses the client's tokens within seconds.
/// Version 1 of the contract: add fields, never change or remove them.
/// </summary>
public sealed record ApiClientRevoked : IntegrationEvent
{
    public required string ClientId { get; init; }

    /// <summary>A stable id for the client, the same wherever it is computed.</summary>
    public static Guid AggregateIdOf(string clientId) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(clientId)).AsSpan(0, 16));
}
