namespace UnifiedCommerce.TenantIsolation.Tests;

/// <summary>Which of merchant B's credentials an operation belongs to: B's call with it must succeed.</summary>
public enum Credential
{
    /// <summary>B's API client, holding every merchant permission.</summary>
    ApiClient,

    /// <summary>B's owner, a staff member with every permission, signed in to the admin.</summary>
    Owner,

    /// <summary>B's shopper, signed in at B's storefront.</summary>
    Customer,
}

/// <summary>
/// How the sweep calls one operation: <see cref="Prepare"/> makes the call with merchant B's ids and data (making
/// fresh B data first when the call changes or removes what it names); A's owner, shopper and API client each
/// send exactly that call, then B's credential of kind <see cref="OwnedBy"/> sends it and must succeed.
/// </summary>
public sealed record SweepCase(string Operation, Credential OwnedBy, Func<Store, Task<SweepCall>> Prepare)
{
    /// <summary>
    /// The operation acts on the caller's own account (change the password, delete the account): A's owner and
    /// shopper are fresh people for it, so the sweep never destroys the ones the other cases use.
    /// </summary>
    public bool ActsOnTheCallersOwnAccount { get; init; }
}

/// <summary>One call, the same for every caller: a REST path and body, or GraphQL arguments (an entity's key).</summary>
public sealed record SweepCall
{
    public string? Path { get; init; }
    public object? Body { get; init; }

    /// <summary>A multipart form instead of a JSON body (an upload): its fields and files.</summary>
    public IReadOnlyList<SweepFormPart>? Form { get; init; }
    public IReadOnlyDictionary<string, object?> Arguments { get; init; } = new Dictionary<string, object?>();


    /// <summary>
    /// The answer is bytes (an image), where no marker can show: B's own call must succeed, and any success of A's
    /// callers is a leak in itself.
    /// </summary>
    public bool AnswersWithBytes { get; init; }

    /// <summary>B's own call uses this token rather than the store's usual credential (a fresh person made for the case).</summary>
    public string? OwnToken { get; init; }

    /// <summary>Waits for what B's own call sets going elsewhere (events), so the next case starts from still data.</summary>
    public Func<Task>? Afterwards { get; init; }

    public SweepCall By(string ownToken) => this with { OwnToken = ownToken };

    public SweepCall Then(Func<Task> afterwards) => this with { Afterwards = afterwards };
}

/// <summary>One part of a multipart form: a field, or a file when it has a file name (its bytes, else the content as UTF-8).</summary>
public sealed record SweepFormPart(string Name, string Content, string? FileName = null, byte[]? Bytes = null);

/// <summary>An operation the sweep leaves out: it belongs to no merchant. <see cref="CheckedBy"/> names the tests that cover it.</summary>
public sealed record Exclusion(string Operation, string Reason, string CheckedBy);
