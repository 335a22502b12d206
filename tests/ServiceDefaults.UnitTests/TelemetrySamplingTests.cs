using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Trace;
using UnifiedCommerce.ServiceDefaults.Telemetry;
using Xunit;

namespace UnifiedCommerce.ServiceDefaults.UnitTests;

/// <summary>The SDK's real pipeline: the sampling of the services, then an exporter that keeps what it is sent.</summary>
public sealed class TelemetrySamplingTests
{
    [Fact]
    public void A_sampled_out_request_exports_nothing_while_a_failed_one_is_kept()
    {
        using var pipeline = new Pipeline(ratio: "0");

        pipeline.Span("GET /products", _ => { });
        pipeline.Span("GET /products/broken", span => span.SetStatus(ActivityStatusCode.Error));

        Assert.Equal(["GET /products/broken"], pipeline.Exported());
    }

    [Fact]
    public void A_slow_span_is_kept_whatever_the_ratio()
    {
        using var pipeline = new Pipeline(ratio: "0", slowSpanThresholdMs: "0");

        pipeline.Span("GET /products", _ => { });

        Assert.Equal(["GET /products"], pipeline.Exported());
    }

    [Fact]
    public void By_default_every_trace_is_kept_for_developers()
    {
        var sampling = TelemetrySampling.From(new ConfigurationBuilder().Build());

        Assert.Equal(1.0, sampling.Ratio);
    }

    [Fact]
    public void A_child_follows_its_sampled_parent()
    {
        using var pipeline = new Pipeline(ratio: "1");

        pipeline.Span("GET /products", _ => pipeline.Span("SELECT catalog", _ => { }));

        Assert.Equal(["SELECT catalog", "GET /products"], pipeline.Exported());
    }

    [Fact]
    public void A_ratio_outside_zero_to_one_is_refused()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TelemetrySampling.RatioKey] = "5" }).Build();

        Assert.Throws<InvalidOperationException>(() => TelemetrySampling.From(configuration));
    }

    private sealed class Pipeline : IDisposable
    {
        private readonly ActivitySource source = new($"{TelemetrySetup.SourcePrefix}.Tests.{Guid.NewGuid():N}");
        private readonly List<Activity> exported = [];
        private readonly TracerProvider provider;

        public Pipeline(string ratio, string slowSpanThresholdMs = "60000")
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [TelemetrySampling.RatioKey] = ratio,
                [TelemetrySampling.SlowSpanThresholdKey] = slowSpanThresholdMs,
            }).Build();
            provider = TelemetrySampling.From(configuration).ApplyTo(Sdk.CreateTracerProviderBuilder())
                .AddSource(source.Name)
                .AddProcessor(new SimpleActivityExportProcessor(new CollectingExporter(exported)))
                .Build()!;
        }

        public void Span(string name, Action<Activity> body)
        {
            using var span = source.StartActivity(name) ?? throw new InvalidOperationException("The sampler dropped the span before it was recorded.");
            body(span);
        }

        public string[] Exported()
        {
            provider.ForceFlush();
            lock (exported) { return exported.Select(span => span.DisplayName).ToArray(); }
        }

        public void Dispose()
        {
            provider.Dispose();
            source.Dispose();
        }
    }

    private sealed class CollectingExporter(List<Activity> exported) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            lock (exported)
            {
                foreach (var span in batch) { exported.Add(span); }
            }
            return ExportResult.Success;
        }
    }
}
