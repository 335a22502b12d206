namespace UnifiedCommerce.ServiceDefaults.Http;

/// <summary>
/// The one rule for text that arrives from outside: no control characters and no broken UTF-16. PostgreSQL refuses
/// NUL outright, and the rest (escape sequences, C1 controls, lone surrogates) corrupt whatever later shows the text.
/// Tab, line feed and carriage return pass here, because descriptions are multi-line; single-line fields refuse them
/// through <see cref="FieldErrors"/>.
/// </summary>
public static class TextRules
{
    /// <summary>Null when the text is acceptable; otherwise what is wrong with it, phrased for the caller.</summary>
    public static string? Problem(string? text, bool multiLine = true)
    {
        if (text is null)
        {
            return null;
        }

        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "The text is not valid Unicode (a lone surrogate).";
            }

            if (c is '\n' or '\r' or '\t')
            {
                if (!multiLine)
                {
                    return "Use a single line: no line breaks or tabs.";
                }

                continue;
            }

            if (char.IsControl(c))
            {
                return $"Control characters are not allowed (U+{(int)c:X4} at position {index}).";
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="text"/> passes <see cref="Problem"/>.</summary>
    public static bool IsAcceptable(string? text, bool multiLine = true) => Problem(text, multiLine) is null;
}
