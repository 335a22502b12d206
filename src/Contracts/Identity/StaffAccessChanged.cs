namespace UnifiedCommerce.Contracts.Identity;

/// <summary>
/// What a staff member may now do for a merchant: the permissions of their current role, or nothing once they no
/// longer work there. The merchant id is the merchant's; the aggregate id is the staff member's account id. The
/// version grows with every change of that person's access at that merchant (Identity stamps it from its clock),
/// so a late, older event never overrides a newer one. Every service keeps a copy and narrows staff tokens to it,
/// which makes a role change or a removal count within seconds, long before tokens expire.
/// Version 1 of the contract: add fields, never change or remove them.
/// </summary>
public sealed record StaffAccessChanged : IntegrationEvent
{
    public required bool IsMember { get; init; }
    public required IReadOnlyList<string> Permissions { get; init; }
}
