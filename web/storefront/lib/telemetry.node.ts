import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { Environment } from './environment';
import { serviceNameOverride } from './telemetry-config';

let sdk: NodeSDK | undefined;

/**
 * Traces go out as OTLP over HTTP/protobuf to OTEL_EXPORTER_OTLP_ENDPOINT (+ /v1/traces); the
 * resource honours OTEL_SERVICE_NAME (default "storefront") and OTEL_RESOURCE_ATTRIBUTES.
 * Next.js creates the server and render spans through @opentelemetry/api; the undici
 * instrumentation adds a client span to every outgoing fetch and writes the W3C `traceparent`
 * header, so one trace runs from the storefront through the gateway into the subgraphs.
 */
export function startTelemetry(env: Environment = process.env): void {
  if (sdk) return;

  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL)?.trim();
  if (protocol && protocol !== 'http/protobuf') {
    console.warn(
      `[telemetry] OTLP protocol "${protocol}" is not used for traces: the storefront exports ` +
        'http/protobuf, so point OTEL_EXPORTER_OTLP_ENDPOINT at an OTLP/HTTP receiver.',
    );
  }

  sdk = new NodeSDK({
    serviceName: serviceNameOverride(env),
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [new UndiciInstrumentation()],
  });
  // Spans leave in batches every few seconds. Next exits on SIGTERM by itself, so the last batch
  // of a stopping server may be lost, which is acceptable for request traces.
  sdk.start();
}
