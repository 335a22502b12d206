using System.Text.RegularExpressions;

namespace UnifiedCommerce.ServiceDefaults.Http;

/// <summary>
/// Collects the field errors of one request, so a client learns everything wrong with it at once, and the
/// common rules (required text, ISO 4217 codes) read the same in every service.
/// </summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    public void Add(string field, string message) => _errors[field] = [message];

    public FieldErrors RequireText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > maxLength)
        {
            Add(field, $"Required, at most {maxLength} characters.");
        }

        return this;
    }

    public FieldErrors RequireCurrency(string field, string? code)
    {
        if (code is null || !CurrencyCode().IsMatch(code))
        {
            Add(field, "An ISO 4217 code of three capital letters is required.");
        }

        return this;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new RequestValidationException(_errors);
        }
    }
}
