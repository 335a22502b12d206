import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_NAME, serviceNameOverride, telemetryEnabled } from './telemetry-config';

const env = (values: Record<string, string>) => values;

describe('telemetry configuration', () => {
  it('is off unless an OTLP endpoint is configured', () => {
    expect(telemetryEnabled(env({}))).toBe(false);
    expect(telemetryEnabled(env({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' }))).toBe(false);
    expect(telemetryEnabled(env({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }))).toBe(true);
  });

  it('names the service "storefront" unless the environment names it', () => {
    expect(serviceNameOverride(env({}))).toBe(DEFAULT_SERVICE_NAME);
    expect(serviceNameOverride(env({ OTEL_SERVICE_NAME: 'storefront-eu' }))).toBe('storefront-eu');
    expect(serviceNameOverride(env({ OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=dev' }))).toBe(
      DEFAULT_SERVICE_NAME,
    );
    expect(serviceNameOverride(env({ OTEL_RESOURCE_ATTRIBUTES: 'service.name=shop, team=web' }))).toBeUndefined();
  });
});
