import { telemetryEnabled } from './lib/telemetry-config';

/**
 * Next.js calls register() once per server process before it handles requests.
 * Tracing is switched on only where an OTLP endpoint is configured (the platform's AppHost sets
 * one); without it the storefront runs with no telemetry overhead.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && telemetryEnabled(process.env)) {
    const { startTelemetry } = await import('./lib/telemetry.node');
    startTelemetry();
  }
}
