using System.Text.Json.Nodes;
using GraphQLParser;
using GraphQLParser.AST;
using UnifiedCommerce.TestSupport;

namespace UnifiedCommerce.TenantIsolation.Tests;

public enum OperationKind
{
    /// <summary>A field of the supergraph's Query type, called through the gateway.</summary>
    Query,

    /// <summary>A field of the supergraph's Mutation type, called through the gateway.</summary>
    Mutation,

    /// <summary>A federation entity of one subgraph, looked up with `_entities` straight at that subgraph.</summary>
    Entity,

    /// <summary>A REST operation of one service, as its OpenAPI document lists it.</summary>
    Rest,
}

/// <summary>
/// One operation the platform offers. <see cref="Key"/> names it the way the sweep's registry does:
/// "Query.products", "Entity catalog.Product", "GET catalog /api/v1/products/{slug}".
/// </summary>
public sealed record SweptOperation(string Key, OperationKind Kind, string Service)
{
    /// <summary>GraphQL: the schema the operation is built from (the supergraph, or the entity's subgraph).</summary>
    public GraphSchema? Schema { get; init; }

    /// <summary>Query and Mutation: the field; entities: the type name.</summary>
    public string? Name { get; init; }

    /// <summary>Entities: the fields of the @key.</summary>
    public IReadOnlyList<string> KeyFields { get; init; } = [];

    public HttpMethod? Method { get; init; }

    /// <summary>REST: the route template, e.g. /api/v1/products/{slug}.</summary>
    public string? Route { get; init; }

    /// <summary>Reads must show B's data to B; writes must succeed for B.</summary>
    public bool IsRead => Kind is OperationKind.Query or OperationKind.Entity || Method == HttpMethod.Get;
}

/// <summary>
/// Every operation of the platform, found where it is defined, so a new one cannot slip past the sweep: the
/// Query and Mutation fields of the committed supergraph, every entity type of every subgraph's SDL, and every REST
/// operation each running service publishes at /openapi/v1.json.
/// </summary>
public static class SweptOperations
{
    public static string GatewayFolder => Path.Combine(ServiceProcess.RepositoryRoot(), "src", "Gateway");

    public static async Task<IReadOnlyList<SweptOperation>> EnumerateAsync(IReadOnlyDictionary<string, ServiceProcess> services)
    {
        var operations = new List<SweptOperation>();
        operations.AddRange(RootFields());
        operations.AddRange(Entities());
        foreach (var (name, service) in services.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            operations.AddRange(await RestOperationsAsync(name, service));
        }

        return operations;
    }

    /// <summary>Query and Mutation fields of the supergraph, each with the subgraph that resolves it.</summary>
    public static IEnumerable<SweptOperation> RootFields()
    {
        var supergraph = GraphSchema.Load(Path.Combine(GatewayFolder, "supergraph.graphql"));
        foreach (var (root, kind) in new[] { ("Query", OperationKind.Query), ("Mutation", OperationKind.Mutation) })
        {
            foreach (var field in supergraph.Fields(root).Where(field => !field.Name.StringValue.StartsWith('_')))
            {
                // The supergraph says which subgraph resolves a field: on the field (@join__field) or on its type.
                var graph = GraphSchema.DirectiveArgument(field.Directives, "join__field", "graph")
                    ?? GraphSchema.DirectiveArgument(supergraph.ObjectType(root).Directives, "join__type", "graph")
                    ?? "?";
                yield return new SweptOperation($"{root}.{field.Name.StringValue}", kind, graph.ToLowerInvariant())
                {
                    Schema = supergraph,
                    Name = field.Name.StringValue,
                };
            }
        }
    }

    /// <summary>Every type with a @key in every subgraph's SDL: each subgraph resolves its own part of an entity.</summary>
    public static IEnumerable<SweptOperation> Entities()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(GatewayFolder, "subgraphs"), "*.graphql").Order(StringComparer.Ordinal))
        {
            var subgraph = Path.GetFileNameWithoutExtension(file);
            var schema = GraphSchema.Load(file);
            foreach (var type in schema.Objects().Where(type => type.Directives?.Items.Any(d => d.Name.StringValue == "key") == true))
            {
                var key = GraphSchema.DirectiveArgument(type.Directives, "key", "fields")!;
                yield return new SweptOperation($"Entity {subgraph}.{type.Name.StringValue}", OperationKind.Entity, subgraph)
                {
                    Schema = schema,
                    Name = type.Name.StringValue,
                    KeyFields = key.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                };
            }
        }
    }

    public static async Task<IReadOnlyList<SweptOperation>> RestOperationsAsync(string name, ServiceProcess service)
    {
        using var response = await service.Http.GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{name} publishes no OpenAPI document at /openapi/v1.json: {(int)response.StatusCode} {text}");
        }

        var paths = JsonNode.Parse(text)!["paths"]?.AsObject() ?? [];
        return
        [
            .. from path in paths
               from method in path.Value!.AsObject()
               where HttpMethods.Contains(method.Key)
               let verb = new HttpMethod(method.Key.ToUpperInvariant())
               select new SweptOperation($"{verb} {name} {path.Key}", OperationKind.Rest, name) { Method = verb, Route = path.Key },
        ];
    }

    private static readonly HashSet<string> HttpMethods = new(StringComparer.OrdinalIgnoreCase) { "get", "put", "post", "delete", "patch", "head", "options", "trace" };
}

/// <summary>A GraphQL schema document (SDL) read with GraphQLParser, and what the sweep builds from it.</summary>
public sealed class GraphSchema
{
    private static readonly HashSet<string> BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];

    /// <summary>Deep enough to reach every field of today's types, shallow enough for the gateway's depth limit.</summary>
    private const int MaxSelectionDepth = 5;

    private readonly Dictionary<string, ASTNode> _types;

    private GraphSchema(GraphQLDocument document)
    {
        _types = document.Definitions.OfType<GraphQLTypeDefinition>().ToDictionary(type => type.Name.StringValue, type => (ASTNode)type);
    }

    public static GraphSchema Load(string path) => new(Parser.Parse(File.ReadAllText(path)));

    public IEnumerable<GraphQLObjectTypeDefinition> Objects() => _types.Values.OfType<GraphQLObjectTypeDefinition>();

    public GraphQLObjectTypeDefinition ObjectType(string name) =>
        _types.GetValueOrDefault(name) as GraphQLObjectTypeDefinition ?? throw new InvalidOperationException($"No object type {name} in the schema.");

    public IEnumerable<GraphQLFieldDefinition> Fields(string typeName) =>
        _types.GetValueOrDefault(typeName) is GraphQLObjectTypeDefinition type ? type.Fields?.Items ?? [] : [];

    public GraphQLFieldDefinition Field(string typeName, string fieldName) =>
        Fields(typeName).FirstOrDefault(field => field.Name.StringValue == fieldName) ?? throw new InvalidOperationException($"No field {typeName}.{fieldName}.");

    /// <summary>
    /// Every field of the type that takes no required argument, nested objects included (each type once per path),
    /// so an answer carries all the data a caller could ask for, and a field added later is swept too.
    /// </summary>
    public string SelectionOf(string typeName) => Selection(typeName, [typeName], 1);

    private string Selection(string typeName, HashSet<string> path, int depth)
    {
        var parts = new List<string>();
        foreach (var field in Fields(typeName).Where(field => !field.Name.StringValue.StartsWith('_')))
        {
            if (field.Arguments?.Items.Any(argument => argument.Type is GraphQLNonNullType && argument.DefaultValue is null) == true)
            {
                continue;
            }

            var named = NamedType(field.Type);
            switch (_types.GetValueOrDefault(named))
            {
                case null when BuiltInScalars.Contains(named):
                case GraphQLScalarTypeDefinition or GraphQLEnumTypeDefinition:
                    parts.Add(field.Name.StringValue);
                    break;
                case GraphQLObjectTypeDefinition when depth < MaxSelectionDepth && !path.Contains(named):
                    parts.Add($"{field.Name.StringValue} {{ {Selection(named, [.. path, named], depth + 1)} }}");
                    break;
                case GraphQLUnionTypeDefinition or GraphQLInterfaceTypeDefinition:
                    parts.Add($"{field.Name.StringValue} {{ __typename }}");
                    break;
            }
        }

        return parts.Count == 0 ? "__typename" : string.Join(' ', parts);
    }

    public static string NamedType(GraphQLType type) => type switch
    {
        GraphQLNamedType named => named.Name.StringValue,
        GraphQLNonNullType nonNull => NamedType(nonNull.Type),
        GraphQLListType list => NamedType(list.Type),
        _ => throw new InvalidOperationException($"Unexpected type node {type.Kind}."),
    };

    /// <summary>The type as written in SDL and in variable definitions, e.g. [String!]!.</summary>
    public static string TypeText(GraphQLType type) => type switch
    {
        GraphQLNamedType named => named.Name.StringValue,
        GraphQLNonNullType nonNull => TypeText(nonNull.Type) + "!",
        GraphQLListType list => $"[{TypeText(list.Type)}]",
        _ => throw new InvalidOperationException($"Unexpected type node {type.Kind}."),
    };

    /// <summary>The value of a directive's argument (enum values and strings alike), e.g. @join__field(graph: CATALOG).</summary>
    public static string? DirectiveArgument(GraphQLDirectives? directives, string directive, string argument)
    {
        var value = directives?.Items.Where(d => d.Name.StringValue == directive)
            .SelectMany(d => d.Arguments?.Items ?? [])
            .FirstOrDefault(a => a.Name.StringValue == argument)?.Value;
        return value switch
        {
            GraphQLStringValue text => text.Value.ToString(),
            GraphQLEnumValue enumValue => enumValue.Name.StringValue,
            _ => null,
        };
    }
}
