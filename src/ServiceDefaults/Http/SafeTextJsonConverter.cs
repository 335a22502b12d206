using System.Text.Json;
using System.Text.Json.Serialization;

namespace UnifiedCommerce.ServiceDefaults.Http;

/// <summary>
/// Every string a REST body carries, values and object keys alike, passes <see cref="TextRules"/> while it is read,
/// so no endpoint can forget the rule. The serializer adds the JSON path to the exception, and
/// <see cref="KnownExceptionHandler"/> turns it into a 400 naming that field.
/// </summary>
public sealed class SafeTextJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            // The same refusal the built-in converter gives (a number or object where text belongs).
            throw new JsonException($"Expected text, got {reader.TokenType}.");
        }

        return Checked(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Checked(ref Utf8JsonReader reader)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) cannot become a .NET string.
            throw new UnacceptableTextException("The text is not valid Unicode (a lone surrogate).");
        }

        return TextRules.Problem(text) is { } problem ? throw new UnacceptableTextException(problem) : text;
    }
}

/// <summary>Text refused by <see cref="TextRules"/>: its message is meant for the caller, unlike the serializer's own.</summary>
public sealed class UnacceptableTextException(string message) : JsonException(message);
