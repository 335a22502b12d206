import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './lib/security-headers';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The data cache lives and dies with the process: on disk it would outlive the database it was filled from, and a
  // restarted storefront (or one pointed at a freshly seeded platform) would first serve the previous catalog.
  experimental: { isrFlushToDisk: false },
  // The folder is the project root even inside the platform's repository (which has other lockfiles).
  turbopack: { root: __dirname },
  outputFileTracingRoot: __dirname,
  // Loaded at run time from node_modules: the SDK patches modules and must not be bundled.
  serverExternalPackages: [
    '@opentelemetry/sdk-node',
    '@opentelemetry/exporter-trace-otlp-proto',
    '@opentelemetry/instrumentation-undici',
  ],
  async headers() {
    return [
      // Build assets, which the proxy does not see; it sends these and the Content-Security-Policy on everything else.
      {
        source: '/_next/:path*',
        headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
      // Personal pages and the sign-in round trip: never in a search index (the pages say so too).
      ...['/account', '/account/:path*', '/auth/:path*'].map((source) => ({
        source,
        headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }],
      })),
    ];
  },
};

export default nextConfig;
