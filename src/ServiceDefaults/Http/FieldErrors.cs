using System.Collections.Frozen;

namespace UnifiedCommerce.ServiceDefaults.Http;

/// <summary>
/// Collects the field errors of one request, so a client learns everything wrong with it at once, and the
/// common rules (required text, ISO 4217 codes) read the same in every service.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    /// <summary>The ISO 4217 currency codes in use (the standard's list one, without XTS and XXX, which are not money).</summary>
    private static readonly FrozenSet<string> CurrencyCodes = (
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    public void Add(string field, string message) => _errors[field] = [message];

    /// <summary>Required single-line text (a name, a title) of at most <paramref name="maxLength"/> characters.</summary>
    public FieldErrors RequireText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > maxLength)
        {
            Add(field, $"Required, at most {maxLength} characters.");
        }

        return SingleLine(field, value);
    }

    /// <summary>Optional text that must stay on one line: no line breaks, tabs or other control characters.</summary>
    public FieldErrors SingleLine(string field, string? value)
    {
        if (TextRules.Problem(value, multiLine: false) is { } problem)
        {
            Add(field, problem);
        }

        return this;
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public FieldErrors RequireCurrency(string field, string? code)
    {
        if (code is null || !CurrencyCodes.Contains(code))
        {
            Add(field, "An ISO 4217 currency code in capitals (such as USD or EUR) is required.");
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
