using System.Globalization;
using System.Text.RegularExpressions;

namespace UnifiedCommerce.TestSupport;

/// <summary>Reads a service's Prometheus counters: the observable fact behind "this happened and changed nothing".</summary>
public static partial class ServiceMetrics
{
    /// <summary>The sum of a counter's series whose labels contain <paramref name="label"/> (all when null); 0 before its first count.</summary>
    public static async Task<double> CounterAsync(HttpClient service, string name, string? label = null)
    {
        var text = await service.GetStringAsync("/metrics");
        var total = 0.0;
        foreach (Match series in Series().Matches(text))
        {
            if (series.Groups["name"].Value == name && (label is null || series.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            {
                total += double.Parse(series.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    /// <summary>Waits until the counter has grown past <paramref name="before"/>.</summary>
    public static Task CountedAsync(HttpClient service, string name, string label, double before, string what) =>
        Eventually.TrueAsync(async () => await CounterAsync(service, name, label) > before, what);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[^}]*\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Series();
}
