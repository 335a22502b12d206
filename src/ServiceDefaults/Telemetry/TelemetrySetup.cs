using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace UnifiedCommerce.ServiceDefaults.Telemetry;

/// <summary>
/// Traces, metrics and logs from every process; OTLP when an endpoint is configured, Prometheus always. Traces are
/// sampled as <see cref="TelemetrySampling"/> says. The database and the message bus add their own sources where a
/// process uses them (<c>AddServiceDatabase</c>, <c>AddMessaging</c>).
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The activity source and meter prefix of the platform's own instrumentation.</summary>
    public const string SourcePrefix = "UnifiedCommerce";

    public static IHostApplicationBuilder AddCommerceTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(SourcePrefix + ".*")
                .AddPrometheusExporter())
            .WithTracing(tracing => TelemetrySampling.From(builder.Configuration).ApplyTo(tracing)
                .AddSource(builder.Environment.ApplicationName, SourcePrefix + ".*")
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context => !ServiceDefaultsExtensions.IsInfrastructurePath(context.Request.Path))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Batch export (the OTLP default), registered after the sampling processor so it sees kept error spans.
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
