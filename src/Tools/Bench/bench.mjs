// The platform's benchmark: workloads against a running platform on loopback, with the resource use of every
// platform process sampled from /proc during each window. Started by `./commerce bench`, which brings the
// platform up in its benchmark profile first.
import autocannon from 'autocannon';
import { benchStore } from './bench-catalog.mjs';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const env = process.env;
const root = env.COMMERCE_ROOT;
// BENCH_PRODUCTS=0 runs the workloads over the seeded demo store (Acme) instead of a store of its own.
const productCount = Number(env.BENCH_PRODUCTS ?? 10000);
let merchantId = 'a1f0c0de-0000-4000-8000-000000000001';
const duration = Number(env.BENCH_DURATION ?? 10);
const connectionLevels = (env.BENCH_CONNECTIONS ?? '50,200').split(',').map(Number);
const gateway = `http://127.0.0.1:${env.COMMERCE_GATEWAY_PORT}`;
const catalog = `http://127.0.0.1:${env.COMMERCE_CATALOG_PORT}`;
const storefront = `http://127.0.0.1:${env.COMMERCE_STOREFRONT_PORT}`;
let storeHost = `localhost:${env.COMMERCE_STOREFRONT_PORT}`;

const listQuery = `query List($after: String) { products(first: 24, after: $after) {
  nodes { slug name priceFrom { amount currency } availability { inStock quantityAvailable }
          variants { sku price { amount currency } availability { inStock quantityAvailable } } }
  pageInfo { hasNextPage endCursor } } }`;
// The Catalog subgraph alone knows no availability (Inventory adds it through the gateway): the same list without it.
const catalogListQuery = `query List($after: String) { products(first: 24, after: $after) {
  nodes { slug name priceFrom { amount currency } variants { sku price { amount currency } } }
  pageInfo { hasNextPage endCursor } } }`;
const detailQuery = `query Detail($slug: String!) { product(slug: $slug) { slug name description
  priceFrom { amount currency } availability { inStock quantityAvailable }
  variants { sku title options { name value } price { amount currency } availability { inStock quantityAvailable } } } }`;

const graphHeaders = () => ({ 'content-type': 'application/json', 'x-merchant-id': merchantId });
const pick = (items) => items[Math.floor(Math.random() * items.length)];

async function graphql(url, query, variables) {
  const response = await fetch(url, { method: 'POST', headers: graphHeaders(), body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (!response.ok || body.errors) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

// Every page's cursor and every slug, walked once, so each request can ask for a random page or product.
async function catalogShape() {
  const cursors = [null];
  const slugs = [];
  for (let after = null; ;) {
    const { products } = await graphql(`${catalog}/graphql`, 'query($after: String) { products(first: 100, after: $after) { nodes { slug } pageInfo { hasNextPage endCursor } } }', { after });
    slugs.push(...products.nodes.map((node) => node.slug));
    if (!products.pageInfo.hasNextPage) break;
    after = products.pageInfo.endCursor;
  }
  for (let after = null; ;) {
    const { products } = await graphql(`${catalog}/graphql`, 'query($after: String) { products(first: 24, after: $after) { pageInfo { hasNextPage endCursor } } }', { after });
    if (!products.pageInfo.hasNextPage) break;
    after = products.pageInfo.endCursor;
    cursors.push(after);
  }
  const { categories } = await graphql(`${catalog}/graphql`, '{ categories { slug children { slug children { slug } } } }');
  const categorySlugs = [];
  const walk = (nodes) => nodes.forEach((node) => { categorySlugs.push(node.slug); walk(node.children ?? []); });
  walk(categories);
  return { cursors, slugs, categorySlugs };
}

function workloads({ cursors, slugs, categorySlugs }) {
  const post = (query, variables) => ({ method: 'POST', path: '/graphql', headers: graphHeaders(),
    setupRequest: (request) => ({ ...request, body: JSON.stringify({ query, variables: variables() }) }) });
  const page = (path) => ({ method: 'GET', headers: { host: storeHost },
    setupRequest: (request) => ({ ...request, path: path() }) });
  // The storefront's category page takes the list cursor of its own category; a first page or a random list cursor
  // (which the page ignores when it belongs to no page of the category) keeps the URLs varied.
  const categoryPath = () => { const cursor = pick(cursors.slice(0, 4)); return `/c/${pick(categorySlugs)}${cursor ? `?after=${encodeURIComponent(cursor)}` : ''}`; };
  return [
    { name: 'gateway product list', url: gateway, request: post(listQuery, () => ({ after: pick(cursors) })) },
    { name: 'gateway product detail', url: gateway, request: post(detailQuery, () => ({ slug: pick(slugs) })) },
    { name: 'catalog subgraph product list', url: catalog, request: post(catalogListQuery, () => ({ after: pick(cursors) })) },
    { name: 'storefront home', url: storefront, request: page(() => '/') },
    { name: 'storefront category page', url: storefront, request: page(categoryPath) },
    { name: 'storefront product page', url: storefront, request: page(() => `/p/${encodeURIComponent(pick(slugs))}`) },
  ];
}

// --- the platform's processes, read from /proc -----------------------------------------------------------------

const ticksPerSecond = 100;
function platformProcesses() {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      const name = processName(cmdline, cwd);
      if (name) found.push({ pid: Number(entry), name });
    } catch { /* the process ended, or is not ours to read */ }
  }
  return found;
}

function processName(cmdline, cwd) {
  if (cmdline.includes(`${env.COMMERCE_DATA_DIR}/postgres`) || (cmdline.startsWith('postgres:') && cwd.startsWith(env.COMMERCE_DATA_DIR))) return 'postgres';
  if (!cwd.startsWith(`${root}/src/`) && !cwd.startsWith(`${root}/web/`)) return null;
  const service = cmdline.match(/UnifiedCommerce\.(\w+)/);
  if (service) return service[1] === 'AppHost' ? 'apphost' : service[1].toLowerCase();
  if (cwd.startsWith(`${root}/src/Gateway`)) return 'gateway';
  if (cwd.startsWith(`${root}/web/storefront`)) return 'storefront';
  if (cwd.startsWith(`${root}/web/admin`)) return 'admin';
  return null;
}

function readUsage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuTicks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0);
  // Shared memory (PostgreSQL's buffers, mapped by every backend) is counted once per name, not once per process.
  return { cpuTicks, privateKb: kb('RssAnon') + kb('RssFile'), sharedKb: kb('RssShmem') };
}

// Peak RSS (summed over a name's processes, e.g. every postgres backend) and CPU% over the window (100% = one core).
function sampleResources() {
  const processes = platformProcesses();
  const start = new Map();
  const peakRss = new Map();
  const startedAt = process.hrtime.bigint();
  const sample = () => {
    const privateByName = new Map();
    const sharedByName = new Map();
    for (const { pid, name } of processes) {
      try {
        const usage = readUsage(pid);
        if (!start.has(pid)) start.set(pid, usage.cpuTicks);
        privateByName.set(name, (privateByName.get(name) ?? 0) + usage.privateKb);
        sharedByName.set(name, Math.max(sharedByName.get(name) ?? 0, usage.sharedKb));
      } catch { /* ended during the window */ }
    }
    for (const [name, rss] of privateByName) peakRss.set(name, Math.max(peakRss.get(name) ?? 0, rss + sharedByName.get(name)));
  };
  sample();
  const timer = setInterval(sample, 500);
  return () => {
    clearInterval(timer);
    sample();
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const cpuTicks = new Map();
    for (const { pid, name } of processes) {
      try { cpuTicks.set(name, (cpuTicks.get(name) ?? 0) + readUsage(pid).cpuTicks - (start.get(pid) ?? 0)); } catch { /* ended */ }
    }
    return [...peakRss.keys()].sort().map((name) => ({
      process: name,
      peakRssMb: Math.round(peakRss.get(name) / 1024),
      cpuPercent: Math.round((100 * (cpuTicks.get(name) ?? 0)) / ticksPerSecond / seconds),
    }));
  };
}

// --- run ----------------------------------------------------------------------------------------------------------

// autocannon's summary has no p95, so percentiles come from every response's own latency.
function run(workload, connections) {
  const latencies = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url: workload.url, connections, duration, requests: [workload.request], timeout: 10 },
      (error, result) => (error ? reject(error) : resolve({ result, latencies: latencies.sort((a, b) => a - b) })));
    instance.on('response', (_client, _status, _bytes, milliseconds) => latencies.push(milliseconds));
  });
}

const percentile = (sorted, p) => (sorted.length ? +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1) : null);

// A service the AppHost is still (re)starting refuses connections for a moment: the walk is retried for a minute.
async function catalogShapeOnceReady() {
  for (const deadline = Date.now() + 60_000; ;) {
    try { return await catalogShape(); } catch (error) {
      if (Date.now() > deadline || error.cause?.code !== 'ECONNREFUSED') throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

let catalogImport = null;
if (productCount > 0) {
  let shown = -1;
  // The processes' CPU while the measured import runs: where an import's time goes (the import itself, or the
  // events of its committed batches being relayed and handled beside it).
  const store = await benchStore(productCount, sampleResources, (job) => {
    const done = job.rowsDone ?? 0;
    const total = job.rowsTotal ?? 0;
    const percent = total ? Math.floor((100 * done) / total) : 0;
    if (percent !== shown && percent % 10 === 0) {
      shown = percent;
      console.log(`Importing the benchmark catalog: ${'#'.repeat(percent / 5).padEnd(20, '.')} ${done}/${total} rows`);
    }
  });
  ({ merchantId } = store);
  storeHost = store.host;
  catalogImport = { ...store.import, warmUp: store.warmUp };
  const { warmUp } = store;
  console.log(`Warm-up import first (a store of its own, into services just started): ${warmUp.products} products in ${warmUp.seconds} s, ` +
    `${warmUp.productsPerSecond} products/s; events handled ${warmUp.eventsSettledSeconds} s later`);
  console.log(`CSV import: ${catalogImport.products} products (${catalogImport.rows} rows, ${Math.round(catalogImport.bytes / 1024)} KiB) in ${catalogImport.seconds} s: ` +
    `${catalogImport.productsPerSecond} products/s, ${catalogImport.rowsPerSecond} rows/s; its events were all handled ${catalogImport.eventsSettledSeconds} s after it finished`);
  printResources(catalogImport.resources);
}

const shape = await catalogShapeOnceReady();
console.log(`Catalog of merchant ${merchantId}: ${shape.slugs.length} products, ${shape.cursors.length} pages of 24, ${shape.categorySlugs.length} categories`);
console.log(`Telemetry sampling ratio: ${env.COMMERCE_TELEMETRY_SAMPLING_RATIO}; ${duration} s per run at ${connectionLevels.join(' and ')} connections`);

const results = [];
for (const workload of workloads(shape)) {
  for (const connections of connectionLevels) {
    const stopSampling = sampleResources();
    const { result, latencies } = await run(workload, connections);
    const resources = stopSampling();
    const row = {
      workload: workload.name,
      connections,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      errors: result.non2xx + result.errors + result.timeouts,
      requests: result.requests.total,
      resources,
    };
    results.push(row);
    printTable(row);
  }
}

const gatewayList = results.filter((row) => row.workload === 'gateway product list');
const catalogList = results.filter((row) => row.workload === 'catalog subgraph product list');
const gatewayCost = gatewayList.map((row) => {
  const direct = catalogList.find((candidate) => candidate.connections === row.connections);
  return { connections: row.connections, catalogToGatewayThroughput: +(direct.requestsPerSecond / Math.max(row.requestsPerSecond, 1)).toFixed(2),
    gatewayToCatalogP50: +(row.p50Ms / Math.max(direct.p50Ms, 0.01)).toFixed(2) };
});
for (const cost of gatewayCost) {
  console.log(`Gateway cost at ${cost.connections} connections: the Catalog subgraph alone serves ${cost.catalogToGatewayThroughput}x the gateway's req/s; the gateway's p50 is ${cost.gatewayToCatalogP50}x`);
}

const folder = join(root, '.artifacts', 'bench');
mkdirSync(folder, { recursive: true });
const file = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), samplingRatio: Number(env.COMMERCE_TELEMETRY_SAMPLING_RATIO),
  durationSeconds: duration, products: shape.slugs.length, catalogImport, results, gatewayCost }, null, 2));
console.log(`Report: ${file}`);

function printTable(row) {
  console.log(`\n${row.workload}, ${row.connections} connections: ${row.requestsPerSecond} req/s, p50 ${row.p50Ms} ms, p95 ${row.p95Ms} ms, p99 ${row.p99Ms} ms, errors ${row.errors} of ${row.requests}`);
  printResources(row.resources);
}

function printResources(resources) {
  console.log('  process        peak RSS   CPU');
  for (const r of resources) console.log(`  ${r.process.padEnd(13)} ${String(r.peakRssMb).padStart(6)} MB ${String(r.cpuPercent).padStart(5)} %`);
}
