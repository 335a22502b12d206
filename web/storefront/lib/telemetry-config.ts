import type { Environment } from './environment';

export const DEFAULT_SERVICE_NAME = 'storefront';

/**
 * The service name the SDK should set, or undefined when the environment already names the
 * service through service.name in OTEL_RESOURCE_ATTRIBUTES (the SDK's environment detector reads
 * that itself, and an explicit name would override it).
 */
export function serviceNameOverride(env: Environment): string | undefined {
  const explicit = env.OTEL_SERVICE_NAME?.trim();
  if (explicit) return explicit;
  const namedInAttributes = (env.OTEL_RESOURCE_ATTRIBUTES ?? '')
    .split(',')
    .some((pair) => pair.split('=')[0]?.trim() === 'service.name');
  return namedInAttributes ? undefined : DEFAULT_SERVICE_NAME;
}

/** Tracing starts only where an OTLP endpoint is configured. */
export function telemetryEnabled(env: Environment): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}
