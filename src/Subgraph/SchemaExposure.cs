using System.Text.RegularExpressions;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace UnifiedCommerce.Subgraph;

/// <summary>
/// Outside development a subgraph keeps its schema to itself: no introspection (<c>__schema</c>, <c>__type</c>), no
/// federation SDL (<c>_service</c>) and no "Did you mean" hints in validation errors, so nobody can read or guess the
/// schema at a service's port. The gateway needs none of it at run time: it serves a supergraph composed at build
/// time from SDL that <c>Operations export-schemas</c> prints in-process, and sends subgraphs only operations with
/// <c>__typename</c> and <c>_entities</c>, which stay open.
/// Deployment: in production only the gateway should reach the subgraphs' <c>/graphql</c> (a network policy or a
/// private network); this rule is the second line behind that, not a replacement for it.
/// </summary>
public static partial class SchemaExposure
{
    /// <summary>
    /// True when the services run in a host whose environment is not Development. Schema export builds the schema
    /// without a host: it must be able to print the SDL.
    /// </summary>
    public static bool IsHidden(IServiceProvider services) =>
        services.GetService<IHostEnvironment>() is { } environment && !environment.IsDevelopment();

    /// <summary>A validation message without its "Did you mean ..." hint, which would name fields the caller did not know.</summary>
    public static string WithoutSuggestions(string message) => Suggestion().Replace(message, string.Empty);

    [GeneratedRegex(@"\s*Did you mean [^?]*\?")]
    private static partial Regex Suggestion();
}

/// <summary>Refuses the fields that describe the schema, when <see cref="SchemaExposure.IsHidden"/>.</summary>
public sealed class SchemaExposureRule(bool hidden) : ValidationRuleBase
{
    private static readonly HashSet<string> SchemaFields = ["__schema", "__type", "_service"];

    private static readonly MatchingNodeVisitor<GraphQLField> Visitor = new((node, context) =>
    {
        if (SchemaFields.Contains(node.Name.StringValue))
        {
            context.ReportError(new ValidationError(context.Document.Source, "INTROSPECTION_DISABLED",
                "This service does not describe its schema; ask the platform's GraphQL gateway.", node) { Code = "INTROSPECTION_DISABLED" });
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(hidden ? Visitor : null);
}
