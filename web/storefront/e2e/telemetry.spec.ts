import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { defaultMerchant, largestCategory, productPage } from './support/platform';

/**
 * One shopper request must be one distributed trace: storefront -> gateway -> catalog and
 * inventory subgraphs -> PostgreSQL. The test reads it back from the Aspire dashboard's telemetry
 * HTTP API (GET /api/telemetry/traces/{traceId}, OTLP JSON grouped by resource).
 */
const DASHBOARD_URL = (process.env.DASHBOARD_URL ?? 'http://127.0.0.1:18888').replace(/\/+$/, '');
const DASHBOARD_API_KEY = process.env.DASHBOARD_API_KEY;
const REQUIRED_RESOURCES = ['storefront', 'gateway', 'catalog', 'inventory'];
const POLL_LIMIT_MS = 60_000;
const POLL_INTERVAL_MS = 1_000;

interface OtlpKeyValue {
  key: string;
  value?: { stringValue?: string; intValue?: string | number; boolValue?: boolean };
}

interface OtlpTraceResponse {
  data?: {
    resourceSpans?: Array<{
      resource?: { attributes?: OtlpKeyValue[] };
      scopeSpans?: Array<{ spans?: Array<{ name: string; attributes?: OtlpKeyValue[] }> }>;
    }>;
  };
}

interface TraceSummary {
  resources: string[];
  databaseSpans: string[];
}

function attribute(attributes: OtlpKeyValue[] | undefined, key: string): string | undefined {
  const value = attributes?.find((entry) => entry.key === key)?.value;
  return value?.stringValue ?? (value?.intValue !== undefined ? String(value.intValue) : undefined);
}

function summarize(body: OtlpTraceResponse): TraceSummary {
  const resources = new Set<string>();
  const databaseSpans: string[] = [];
  for (const resourceSpans of body.data?.resourceSpans ?? []) {
    const resource = attribute(resourceSpans.resource?.attributes, 'service.name') ?? '(unnamed)';
    resources.add(resource);
    for (const scope of resourceSpans.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        // Older and current semantic conventions name the database system differently.
        const system = attribute(span.attributes, 'db.system.name') ?? attribute(span.attributes, 'db.system');
        if (system) databaseSpans.push(`${resource}: ${span.name} (${system})`);
      }
    }
  }
  return { resources: [...resources].sort(), databaseSpans };
}

async function dashboardGet(path: string): Promise<Response> {
  try {
    return await fetch(`${DASHBOARD_URL}${path}`, {
      headers: DASHBOARD_API_KEY ? { 'x-api-key': DASHBOARD_API_KEY } : {},
    });
  } catch (error) {
    const reason = error instanceof Error && error.cause ? String(error.cause) : String(error);
    throw new Error(`The Aspire dashboard at ${DASHBOARD_URL} is unreachable (DASHBOARD_URL): ${reason}`);
  }
}

function isComplete(summary: TraceSummary | undefined): boolean {
  return (
    summary !== undefined &&
    REQUIRED_RESOURCES.every((resource) => summary.resources.includes(resource)) &&
    summary.databaseSpans.length > 0
  );
}

test('loading a category page produces one trace through storefront, gateway, catalog, inventory and the database', async ({
  page,
}) => {
  test.setTimeout(POLL_LIMIT_MS + 30_000);

  // Fail at once, with the reason, when the dashboard or its API is not there.
  const probe = await dashboardGet('/api/telemetry/traces?limit=1');
  expect(probe.status, `GET ${DASHBOARD_URL}/api/telemetry/traces (set DASHBOARD_API_KEY if the API needs one)`).toBe(200);

  // The request starts the trace itself, so the test knows which trace to read back.
  const traceId = randomBytes(16).toString('hex');
  await page.setExtraHTTPHeaders({ traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` });

  // A page starting after the category's first product is a query nobody else asks for, so the
  // storefront's data cache cannot answer it and the request really travels to the subgraphs.
  const merchantId = await defaultMerchant();
  const { category } = await largestCategory(merchantId);
  const { pageInfo } = await productPage(merchantId, 1, { categorySlug: category.slug });
  const query = pageInfo.endCursor ? `?${new URLSearchParams({ after: pageInfo.endCursor })}` : '';
  const response = await page.goto(`/c/${encodeURIComponent(category.slug)}${query}`);
  expect(response?.status()).toBe(200);

  const deadline = Date.now() + POLL_LIMIT_MS;
  let summary: TraceSummary | undefined;
  while (Date.now() < deadline && !isComplete(summary)) {
    const traceResponse = await dashboardGet(`/api/telemetry/traces/${traceId}`);
    if (traceResponse.ok) {
      summary = summarize((await traceResponse.json()) as OtlpTraceResponse);
    } else if (traceResponse.status !== 404) {
      throw new Error(`The dashboard answered ${traceResponse.status} for trace ${traceId}`);
    }
    if (!isComplete(summary)) await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }

  expect(summary, `trace ${traceId} reached the dashboard within ${POLL_LIMIT_MS / 1000} s`).toBeDefined();
  expect(summary!.resources, `resources in trace ${traceId}`).toEqual(expect.arrayContaining(REQUIRED_RESOURCES));
  expect(summary!.databaseSpans, `database spans in trace ${traceId}`).not.toEqual([]);
});
