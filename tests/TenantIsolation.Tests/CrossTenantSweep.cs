using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using UnifiedCommerce.TestSupport;

namespace UnifiedCommerce.TenantIsolation.Tests;

/// <summary>
/// Calls every operation as merchant A's owner, shopper and API client with merchant B's ids and data, and checks
/// that no answer shows anything of B and that B's data is unchanged; then makes the same call as B, which must
/// succeed (and, for a read, show B's data), or A's empty answers would prove nothing. Collects every problem.
/// </summary>
public sealed class CrossTenantSweep(SweptPlatform platform)
{
    private static readonly JsonSerializerOptions Readable = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// B's markers that A has itself sent in a request: A may see those again (A's own product created under a
    /// slug A chose, an error echoing the id A asked for) without learning anything of B.
    /// </summary>
    private readonly HashSet<string> _sentByA = new(StringComparer.OrdinalIgnoreCase);

    private readonly List<string> _failures = [];

    public int CasesRun { get; private set; }
    public int CallsMade { get; private set; }

    /// <summary>Operations without a case, cases without an operation, and exclusions that are stale or doubled.</summary>
    public static IReadOnlyList<string> RegistryProblems(IReadOnlyList<SweptOperation> operations)
    {
        var problems = new List<string>();
        var enumerated = operations.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var cases = SweepCases.All.Select(c => c.Operation).ToList();
        var excluded = SweepCases.Excluded.Select(e => e.Operation).ToHashSet(StringComparer.Ordinal);

        problems.AddRange(operations.Where(o => !cases.Contains(o.Key) && !excluded.Contains(o.Key)).Select(o =>
            $"{o.Key} ({o.Kind}, {o.Service}) has no sweep case: add one to SweepCases.cs saying how to call it with merchant B's ids and data and which B credential owns it."));
        problems.AddRange(cases.Where(c => !enumerated.Contains(c)).Select(c =>
            $"The sweep case for {c} names no operation the platform has any more: remove it or rename it to the operation's new name."));
        problems.AddRange(excluded.Where(e => !enumerated.Contains(e)).Select(e =>
            $"The exclusion of {e} names no operation the platform has any more: remove it from SweepCases.Excluded."));
        problems.AddRange(cases.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => $"{g.Key} has {g.Count()} sweep cases; keep one."));
        problems.AddRange(cases.Where(excluded.Contains).Select(c => $"{c} has a sweep case and is excluded too; keep one."));
        return problems;
    }

    public async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<SweptOperation> operations)
    {
        _failures.AddRange(RegistryProblems(operations));
        var byKey = operations.ToDictionary(o => o.Key, StringComparer.Ordinal);
        foreach (var sweepCase in SweepCases.All.Where(c => byKey.ContainsKey(c.Operation)))
        {
            try
            {
                await SweepAsync(sweepCase, byKey[sweepCase.Operation]);
                CasesRun++;
            }
            catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or TimeoutException or JsonException or TaskCanceledException)
            {
                _failures.Add($"{sweepCase.Operation}: the sweep could not make the call: {exception.Message}");
            }
        }

        return _failures;
    }

    private async Task SweepAsync(SweepCase sweepCase, SweptOperation operation)
    {
        var (a, b) = (platform.A, platform.B);
        var call = await sweepCase.Prepare(b);
        var request = RequestFor(operation, call);
        (string Who, string Token)[] callersOfA = sweepCase.ActsOnTheCallersOwnAccount
            ? [("A's owner", (await a.NewOwnerAsync()).AccessToken), ("A's customer", (await a.NewCustomerAsync()).AccessToken), ("A's API client", a.ClientToken)]
            : [("A's owner", a.Owner.AccessToken), ("A's customer", a.Customer.AccessToken), ("A's API client", a.ClientToken)];

        var sent = MarkersIn(b, request.Text).ToList();
        _sentByA.UnionWith(sent);
        var before = await b.SnapshotAsync();
        foreach (var (who, token) in callersOfA)
        {
            var answer = await SendAsync(request, token);
            if (answer.Status >= 500)
            {
                _failures.Add($"{operation.Key}: {who} got {answer.Status}, an error that hides whether B's data was reached: {Excerpt(answer.Body)}");
            }

            if (call.AnswersWithBytes && answer.Status is >= 200 and <= 299)
            {
                _failures.Add($"{operation.Key}: {who} got {answer.Status} and B's bytes");
            }

            var leaked = MarkersIn(b, answer.Body).Where(marker => !_sentByA.Contains(marker)).ToList();
            if (leaked.Count > 0)
            {
                _failures.Add($"{operation.Key}: {who} got {string.Join(", ", leaked.Select(m => $"{b.Markers[m]} '{m}'"))}: {answer.Status} {Excerpt(answer.Body)}");
            }
        }

        var after = await b.SnapshotAsync();
        foreach (var (part, content) in after.Where((read, index) => read != before[index]))
        {
            var was = before.First(read => read.Part == part).Content;
            _failures.Add($"{operation.Key}: A's calls changed B's {part}: was {Excerpt(was)}, is {Excerpt(content)}");
        }

        var own = await SendAsync(request, call.OwnToken ?? CredentialOf(b, sweepCase.OwnedBy));
        if (!Succeeded(operation, own))
        {
            _failures.Add($"{operation.Key}: B's own call as its {sweepCase.OwnedBy} failed, so A's refusals prove nothing: {own.Status} {Excerpt(own.Body)}");
        }
        else if (operation.IsRead && !call.AnswersWithBytes && !MarkersIn(b, own.Body).Except(sent, StringComparer.OrdinalIgnoreCase).Any())
        {
            _failures.Add($"{operation.Key}: B's own answer shows none of B's data, so A's empty answers prove nothing: {Excerpt(own.Body)}");
        }

        if (call.Afterwards is { } afterwards)
        {
            await afterwards();
        }
    }

    private static string CredentialOf(Store store, Credential credential) => credential switch
    {
        Credential.ApiClient => store.ClientToken,
        Credential.Owner => store.Owner.AccessToken,
        Credential.Customer => store.Customer.AccessToken,
        _ => throw new ArgumentOutOfRangeException(nameof(credential)),
    };

    private sealed record Request(HttpClient Target, HttpMethod Method, string Path, JsonNode? Body, IReadOnlyList<SweepFormPart>? Form = null)
    {
        /// <summary>What the caller sends, as readable text: markers in it are the caller's own knowledge.</summary>
        public string Text => $"{Method} {Path} {Body?.ToJsonString(Readable)} {string.Join(" ", Form?.Select(part => part.Content) ?? [])}";
    }

    private sealed record Answer(int Status, string Body);

    private Request RequestFor(SweptOperation operation, SweepCall call)
    {
        switch (operation.Kind)
        {
            case OperationKind.Rest:
                if (call.Path is null || !FitsRoute(operation.Route!, call.Path))
                {
                    throw new InvalidOperationException($"the case's path '{call.Path}' does not fit the route {operation.Route}");
                }

                return new Request(platform.Services[operation.Service].Http, operation.Method!, call.Path, ToJson(call.Body), call.Form);

            case OperationKind.Query or OperationKind.Mutation:
                return new Request(platform.Gateway.Http, HttpMethod.Post, "/graphql", new JsonObject
                {
                    ["query"] = RootFieldDocument(operation, call.Arguments),
                    ["variables"] = ToJson(call.Arguments),
                });

            case OperationKind.Entity:
                if (!call.Arguments.Keys.ToHashSet().SetEquals(operation.KeyFields))
                {
                    throw new InvalidOperationException($"the case gives {string.Join(", ", call.Arguments.Keys)} but the key is {string.Join(", ", operation.KeyFields)}");
                }

                var representation = new Dictionary<string, object?>(call.Arguments) { ["__typename"] = operation.Name };
                return new Request(platform.Services[operation.Service].Http, HttpMethod.Post, "/graphql", new JsonObject
                {
                    ["query"] = $"query Sweep($representations: [_Any!]!) {{ _entities(representations: $representations) {{ __typename ... on {operation.Name} {{ {operation.Schema!.SelectionOf(operation.Name!)} }} }} }}",
                    ["variables"] = new JsonObject { ["representations"] = new JsonArray(ToJson(representation)) },
                });

            default:
                throw new ArgumentOutOfRangeException(nameof(operation));
        }
    }

    /// <summary>`query Sweep($slug: String!) { product(slug: $slug) { …every field… } }`, arguments typed as the schema declares them.</summary>
    private static string RootFieldDocument(SweptOperation operation, IReadOnlyDictionary<string, object?> arguments)
    {
        var root = operation.Kind == OperationKind.Query ? "Query" : "Mutation";
        var field = operation.Schema!.Field(root, operation.Name!);
        var declared = field.Arguments?.Items.ToDictionary(argument => argument.Name.StringValue) ?? [];
        var unknown = arguments.Keys.Where(name => !declared.ContainsKey(name)).ToList();
        var missing = declared.Values.Where(d => d.Type is GraphQLParser.AST.GraphQLNonNullType && d.DefaultValue is null && !arguments.ContainsKey(d.Name.StringValue)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            throw new InvalidOperationException($"the case's arguments do not fit {root}.{operation.Name}: unknown {string.Join(", ", unknown)}; missing {string.Join(", ", missing.Select(m => m.Name.StringValue))}");
        }

        var variables = string.Join(", ", arguments.Keys.Select(name => $"${name}: {GraphSchema.TypeText(declared[name].Type)}"));
        var passed = string.Join(", ", arguments.Keys.Select(name => $"{name}: ${name}"));
        var named = GraphSchema.NamedType(field.Type);
        var selection = operation.Schema.Fields(named).Any() ? $" {{ {operation.Schema.SelectionOf(named)} }}" : "";
        return $"{root.ToLowerInvariant()} Sweep{(variables.Length > 0 ? $"({variables})" : "")} {{ {operation.Name}{(passed.Length > 0 ? $"({passed})" : "")}{selection} }}";
    }

    private async Task<Answer> SendAsync(Request request, string token)
    {
        using var message = new HttpRequestMessage(request.Method, request.Path);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (request.Body is not null)
        {
            message.Content = JsonContent.Create(request.Body);
        }

        if (request.Form is { } form)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var part in form)
            {
                if (part.FileName is null)
                {
                    multipart.Add(new StringContent(part.Content), part.Name);
                }
                else
                {
                    multipart.Add(new ByteArrayContent(part.Bytes ?? System.Text.Encoding.UTF8.GetBytes(part.Content)), part.Name, part.FileName);
                }
            }

            message.Content = multipart;
        }

        using var response = await request.Target.SendAsync(message);
        CallsMade++;
        var text = await response.Content.ReadAsStringAsync();
        return new Answer((int)response.StatusCode, ReadableText(text));
    }

    private static bool Succeeded(SweptOperation operation, Answer answer)
    {
        if (answer.Status is < 200 or > 299)
        {
            return false;
        }

        if (operation.Kind == OperationKind.Rest)
        {
            return true;
        }

        var body = JsonNode.Parse(answer.Body)!.AsObject();
        var data = body["data"];
        var errors = body["errors"]?.AsArray();
        var value = operation.Kind == OperationKind.Entity ? data?["_entities"]?[0] : data?[operation.Name!];
        return (errors is null || errors.Count == 0) && value is not null;
    }

    /// <summary>Markers of the store that occur in the text as whole words (not inside a longer id or number).</summary>
    private static IEnumerable<string> MarkersIn(Store store, string text) =>
        store.Markers.Keys.Where(marker =>
        {
            for (var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + marker.Length;
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    return true;
                }
            }

            return false;
        });

    /// <summary>
    /// JSON re-written without escapes (a service writes '+' as \u002B), so a marker is found however it was
    /// encoded; anything else as it came.
    /// </summary>
    private static string ReadableText(string text)
    {
        try
        {
            return JsonNode.Parse(text)?.ToJsonString(Readable) ?? text;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static JsonNode? ToJson(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, Readable);

    /// <summary>True when the concrete path (query string aside) has the route's segments, any value in each {parameter}.</summary>
    public static bool FitsRoute(string route, string path)
    {
        var routeSegments = route.Trim('/').Split('/');
        var pathSegments = path.Split('?')[0].Trim('/').Split('/');
        return routeSegments.Length == pathSegments.Length
            && routeSegments.Zip(pathSegments).All(pair => pair.First.StartsWith('{')
                ? pair.Second.Length > 0
                : string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase));
    }

    private static string Excerpt(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
