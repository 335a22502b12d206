using GraphQL.Types;
using GraphQLParser.AST;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Subgraph;

/// <summary>
/// Replaces GraphQL's built-in <c>String</c> in every subgraph, so each text argument and input field, inline or in
/// variables, passes <see cref="TextRules"/> before any resolver runs. GraphQL.NET names the argument or variable
/// in the error; the code is BAD_USER_INPUT.
/// </summary>
public sealed class SafeTextGraphType : StringGraphType
{
    // A schema replaces a built-in scalar with a registered one of the same name.
    public SafeTextGraphType() => Name = "String";

    public override object? ParseLiteral(GraphQLValue value)
    {
        var text = base.ParseLiteral(value);
        return Checked(text as string) ?? text;
    }

    public override object? ParseValue(object? value)
    {
        var text = base.ParseValue(value);
        return Checked(text as string) ?? text;
    }

    private static string? Checked(string? text) =>
        TextRules.Problem(text) is { } problem ? throw new UnacceptableGraphQLTextException(problem) : text;
}

/// <summary>Text refused by the String scalar; a client error (BAD_USER_INPUT), not a server fault.</summary>
public sealed class UnacceptableGraphQLTextException(string message) : Exception(message);
