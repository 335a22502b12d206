using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using UnifiedCommerce.PlatformApi;

namespace UnifiedCommerce.Subgraph;

/// <summary>
/// Who may select a field, deny by default. A field is readable when it (or else its type) says so, with
/// GraphQL.NET's own markers: <c>AllowAnonymous()</c> for public storefront data, <c>AuthorizeWithPolicy(permission)</c>
/// for a permission, and this project's <c>RequireCustomerAccount()</c> for a signed-in shopper's own data (the
/// resolver then reads only the caller's own rows). A field that says nothing cannot be selected, and the schema
/// refuses to start with one, so a new field is never public by accident. Federation's <c>_entities</c> is no way around it: the fields
/// selected on each entity type are checked like any others.
/// </summary>
public static class FieldAccess
{
    private const string CustomerAccountKey = "commerce:customer-account";

    /// <summary>A shopper's own data: only the access token of a customer's sign-in may select it.</summary>
    public static TMetadataProvider RequireCustomerAccount<TMetadataProvider>(this TMetadataProvider provider)
        where TMetadataProvider : IMetadataWriter
    {
        provider.Metadata[CustomerAccountKey] = true;
        return provider;
    }

    /// <summary>Throws, naming them, when any field of the schema declares no access rule or an unknown permission.</summary>
    public static void Verify(ISchema schema)
    {
        schema.Initialize();
        var problems = new List<string>();
        // Input fields are never selected: the field that takes the input carries the rule.
        foreach (var type in schema.AllTypes.OfType<IComplexGraphType>().Where(type => type is not IInputObjectGraphType))
        {
            foreach (var field in type.Fields.Where(field => !IsInfrastructure(type, field)))
            {
                var (anonymous, permissions) = RuleOf(type, field);
                if (!anonymous && permissions.Count == 0 && !IsForCustomerAccount(type, field))
                {
                    problems.Add($"{type.Name}.{field.Name} declares no access rule");
                }

                problems.AddRange(permissions.Where(p => !Caller.KnownPermissions.Contains(p)).Select(p => $"{type.Name}.{field.Name} names unknown permission '{p}'"));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "Every field needs AllowAnonymous(), AuthorizeWithPolicy(permission) or RequireCustomerAccount() on itself or its type: " + string.Join("; ", problems) + ".");
        }
    }

    /// <summary>Introspection and the federation plumbing (_service, _entities; the fields inside are checked).</summary>
    public static bool IsInfrastructure(IGraphType parent, FieldType field) =>
        parent.Name.StartsWith('_') || field.Name.StartsWith('_');

    /// <summary>The field's own rule when it has one, else its type's.</summary>
    public static (bool Anonymous, IReadOnlyList<string> Permissions) RuleOf(IGraphType parent, FieldType field)
    {
        if (HasOwnRule(field))
        {
            return (field.IsAnonymousAllowed(), field.GetPolicies() ?? []);
        }

        return (parent.IsAnonymousAllowed(), parent.GetPolicies() ?? []);
    }

    /// <summary>True when the field's rule (its own, else its type's) is <see cref="RequireCustomerAccount{T}"/>.</summary>
    public static bool IsForCustomerAccount(IGraphType parent, FieldType field) =>
        HasOwnRule(field) ? field.GetMetadata(CustomerAccountKey, false) : parent.GetMetadata(CustomerAccountKey, false);

    private static bool HasOwnRule(FieldType field) =>
        field.IsAnonymousAllowed() || field.GetPolicies() is { Count: > 0 } || field.GetMetadata(CustomerAccountKey, false);
}

/// <summary>Checks every selected field against the caller before anything runs; refusals are typed errors.</summary>
public sealed class FieldAccessRule : ValidationRuleBase
{
    private static readonly MatchingNodeVisitor<GraphQLField> Visitor = new((node, context) =>
    {
        if (context.TypeInfo.GetFieldDef() is not { } field || context.TypeInfo.GetParentType()?.GetNamedType() is not { } parent
            || FieldAccess.IsInfrastructure(parent, field))
        {
            return; // Unknown fields are reported by the standard rules.
        }

        var (anonymous, permissions) = FieldAccess.RuleOf(parent, field);
        if (anonymous)
        {
            return;
        }

        var user = context.User;
        if (user is null || !user.IsAuthenticated())
        {
            context.ReportError(new ValidationError(context.Document.Source, "UNAUTHENTICATED",
                $"Sign in to read {parent.Name}.{field.Name}: send an access token.", node) { Code = "UNAUTHENTICATED" });
            return;
        }

        if (FieldAccess.IsForCustomerAccount(parent, field))
        {
            if (user.CustomerAccountOf() is null)
            {
                context.ReportError(new ValidationError(context.Document.Source, "FORBIDDEN",
                    $"{parent.Name}.{field.Name} is a shopper's own data: it needs the access token of the shopper's sign-in.", node) { Code = "FORBIDDEN" });
            }

            return;
        }

        var missing = permissions.Where(permission => !user.HasPermission(permission)).ToList();
        if (permissions.Count == 0 || missing.Count > 0)
        {
            context.ReportError(new ValidationError(context.Document.Source, "FORBIDDEN",
                $"{parent.Name}.{field.Name} needs the {string.Join(", ", missing)} permission.", node) { Code = "FORBIDDEN" });
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
