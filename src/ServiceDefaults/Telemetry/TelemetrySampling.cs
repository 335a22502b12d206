using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace UnifiedCommerce.ServiceDefaults.Telemetry;

/// <summary>
/// Which traces are exported: a ratio of traces, decided at the root and followed by every hop (parent-based), plus
/// every span that ends in error or takes longer than the slow threshold, whatever the ratio said.
/// </summary>
public sealed record TelemetrySampling(double Ratio, TimeSpan SlowSpanThreshold)
{
    public const string RatioKey = "Telemetry:SamplingRatio";
    public const string SlowSpanThresholdKey = "Telemetry:SlowSpanThresholdMs";

    /// <summary>Developers keep everything (ratio 1.0); production sets a ratio such as 0.05.</summary>
    public static TelemetrySampling From(IConfiguration configuration)
    {
        var ratio = configuration.GetValue<double?>(RatioKey) ?? 1.0;
        if (ratio is < 0 or > 1)
        {
            throw new InvalidOperationException($"{RatioKey} must be between 0 and 1, not {ratio}.");
        }

        var slowMs = configuration.GetValue<double?>(SlowSpanThresholdKey) ?? 1000;
        return new TelemetrySampling(ratio, TimeSpan.FromMilliseconds(slowMs));
    }

    public TracerProviderBuilder ApplyTo(TracerProviderBuilder tracing) => tracing
        .SetSampler(new KeepRecordingSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Ratio))))
        .AddProcessor(new KeepErrorsAndSlowSpansProcessor(SlowSpanThreshold));

    /// <summary>
    /// A span the ratio drops is still recorded (not exported), so that its end can be judged: an error or a slow
    /// span is then kept. Recording costs a little CPU; exporting is what production pays for.
    /// </summary>
    private sealed class KeepRecordingSampler(Sampler inner) : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
        {
            var result = inner.ShouldSample(samplingParameters);
            return result.Decision == SamplingDecision.Drop ? new SamplingResult(SamplingDecision.RecordOnly) : result;
        }
    }

    /// <summary>Marks a recorded-only span as sampled when it failed or was slow; the exporter after it then sends it.</summary>
    private sealed class KeepErrorsAndSlowSpansProcessor(TimeSpan slowSpanThreshold) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (!data.Recorded && (data.Status == ActivityStatusCode.Error || data.Duration >= slowSpanThreshold))
            {
                data.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
            }
        }
    }
}
