// The benchmark's own store: a merchant made for the run (a host name of its own, so its storefront pages are its
// own), a category tree, and a generated catalog loaded through the CSV import as a merchant would load one. The
// import's rate is part of the report. It signs in as the platform operator (the secret beside the bench's data) to
// make the merchant, then with an API client made for the run and deleted after the import.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const env = process.env;
const identity = `http://127.0.0.1:${env.COMMERCE_IDENTITY_PORT}`;
const catalog = `http://127.0.0.1:${env.COMMERCE_CATALOG_PORT}`;

async function token(clientId, clientSecret) {
  const response = await fetch(`${identity}/connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`Identity refused a token for ${clientId}: ${response.status} ${body.error_description ?? ''}`);
  return body.access_token;
}

async function send(base, method, path, accessToken, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }) },
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

// Two levels, as a real store's navigation: departments and their ranges.
const departments = [
  ['outdoor', 'Outdoor', ['tents', 'sleeping-bags', 'backpacks', 'camp-kitchen']],
  ['apparel', 'Apparel', ['jackets', 'fleeces', 'base-layers', 'hats']],
  ['footwear', 'Footwear', ['hiking-boots', 'trail-runners', 'sandals', 'socks']],
];
const title = (slug) => slug.split('-').map((word) => word[0].toUpperCase() + word.slice(1)).join(' ');
const brands = ['Northbound', 'Fieldline', 'Harbor & Pine', 'Acme Trail', 'Summit Works'];
const materials = ['Merino', 'Ripstop', 'Canvas', 'Down', 'Softshell', 'Waxed Cotton', 'Recycled Nylon', 'Alpaca'];
const sizes = ['S', 'M', 'L', 'XL'];
const colours = ['Forest', 'Slate', 'Ember', 'Sand'];

const csvCell = (value) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

// One row per variant; a product has 1 to 4 variants (2.5 on average, as the demo store has).
function catalogCsv(count, runId) {
  const columns = ['Handle', 'Title', 'Description (HTML)', 'Status', 'Brand', 'Product Type', 'Tags', 'Categories',
    'Option1 Name', 'Option1 Value', 'Option2 Name', 'Option2 Value', 'Variant SKU', 'Variant Price', 'Variant Compare At Price', 'Currency'];
  const lines = [columns.join(',')];
  const ranges = departments.flatMap(([department, , children]) => children.map((child) => [child, department]));
  let rows = 0;
  for (let index = 0; index < count; index++) {
    const [range, department] = ranges[index % ranges.length];
    const material = materials[Math.floor(index / ranges.length) % materials.length];
    const name = `${material} ${title(range).replace(/s$/, '')} ${index + 1}`;
    const handle = `${material.toLowerCase().replace(/[^a-z]+/g, '-')}-${range}-${index + 1}`;
    const price = 1500 + ((index * 7919) % 30000);
    const onSale = index % 5 === 0;
    const variantCount = (index % 4) + 1;
    const options = variantCount === 1 ? [] : variantCount === 4 ? [['Size', sizes.slice(0, 2)], ['Colour', colours.slice(0, 2)]] : [['Size', sizes.slice(0, variantCount)]];
    const combinations = variantCount === 1 ? [[]] : variantCount === 4
      ? sizes.slice(0, 2).flatMap((size) => colours.slice(0, 2).map((colour) => [size, colour]))
      : sizes.slice(0, variantCount).map((size) => [size]);
    combinations.forEach((values, position) => {
      const first = position === 0;
      lines.push([
        handle,
        first ? name : '',
        first ? `<p>${name}: ${material.toLowerCase()} made for long days outside, from the ${title(department).toLowerCase()} range.</p>` : '',
        first ? 'active' : '',
        first ? brands[index % brands.length] : '',
        first ? title(range) : '',
        first ? `${department}, ${material.toLowerCase()}${onSale ? ', sale' : ''}` : '',
        first ? `${range}|${department}` : '',
        first ? options[0]?.[0] ?? '' : '', values[0] ?? '',
        first ? options[1]?.[0] ?? '' : '', values[1] ?? '',
        `B${runId}-${index + 1}-${position + 1}`,
        String(price + position * 200),
        onSale ? String(Math.round((price + position * 200) * 1.25)) : '',
        'USD',
      ].map(csvCell).join(','));
      rows++;
    });
  }
  return { text: `${lines.join('\n')}\n`, rows };
}

// Events of the platform not yet handled: each service's outbox rows not yet relayed, and the messages waiting in
// (or received by, not yet handled) each service's queue on the bus. Read with psql as the cluster's superuser.
function pendingEvents() {
  const services = ['identity', 'catalog', 'inventory', 'customers'];
  // The services that publish events, each with its outbox (Customers publishes none and has no outbox table).
  const publishers = ['identity', 'catalog', 'inventory'];
  const sql = (database, query) => Number(execFileSync('psql', ['-h', '127.0.0.1', '-p', env.COMMERCE_POSTGRES_PORT, '-U', 'postgres', '-d', database, '-Atc', query],
    { env: { ...env, PGPASSWORD: readFileSync(join(env.COMMERCE_DATA_DIR, 'postgres-superuser.secret'), 'utf8').trim() } }).toString().trim() || 0);
  let pending = 0;
  for (const service of services) {
    if (publishers.includes(service)) pending += sql(service, 'SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL');
    pending += sql('bus', `SELECT (SELECT count(*) FROM wolverine_queues.wolverine_queue_${service}) + (SELECT count(*) FROM ${service}.wolverine_incoming_envelopes WHERE status = 'Incoming')`);
  }
  return pending;
}

/**
 * Waits until every event the import caused has been handled (stock rows made, caches purged), printing what is
 * left: the workloads measure the platform at rest, and the wait itself is a figure (how long until the storefront
 * shows the whole new catalog with its stock).
 */
async function settle() {
  const started = process.hrtime.bigint();
  for (let shown = 0; ;) {
    const pending = pendingEvents();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (pending === 0) return +seconds.toFixed(1);
    if (seconds > 900) throw new Error(`The import's events were still not handled after 15 minutes (${pending} left).`);
    if (seconds - shown >= 5 || shown === 0) {
      shown = Math.max(seconds, 0.001);
      console.log(`Waiting for the import's events to be handled: ${pending} left after ${Math.round(seconds)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** A store of its own with the benchmark's category tree, and an API client that may write its products. */
async function newStore(operator, label) {
  const merchantId = randomUUID();
  const runId = merchantId.slice(0, 8);
  const host = `bench-${runId}.localhost:${env.COMMERCE_STOREFRONT_PORT}`;
  await send(identity, 'PUT', `/api/v1/merchants/${merchantId}`, operator, { name: `${label} ${runId}`, defaultCurrency: 'USD', hosts: [host] });
  const client = await send(identity, 'POST', `/api/v1/merchants/${merchantId}/api-clients`, operator,
    { name: 'Benchmark catalog import', permissions: ['products:read', 'products:write'] });
  const store = {
    merchantId, runId, host, accessToken: null,
    close: () => fetch(`${identity}/api/v1/merchants/${merchantId}/api-clients/${client.clientId}`, { method: 'DELETE', headers: { authorization: `Bearer ${operator}` } }),
  };
  try {
    store.accessToken = await token(client.clientId, client.clientSecret);
    let sortOrder = 0;
    for (const [slug, name, children] of departments) {
      await send(catalog, 'PUT', `/api/v1/categories/${slug}`, store.accessToken, { name, sortOrder: sortOrder++ });
      for (const child of children) {
        await send(catalog, 'PUT', `/api/v1/categories/${child}`, store.accessToken, { name: title(child), parentSlug: slug, sortOrder: sortOrder++ });
      }
    }
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Imports a generated catalog of `productCount` products into the store (good rows only) and waits for its job. */
async function importCatalog(store, productCount, onProgress) {
  const { text, rows } = catalogCsv(productCount, store.runId);
  const bytes = Buffer.byteLength(text);
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'benchmark-catalog.csv');
  form.append('mode', 'good-rows-only');
  const started = process.hrtime.bigint();
  let job = await send(catalog, 'POST', '/api/v1/imports', store.accessToken, form);
  while (!['succeeded', 'completed-with-errors', 'failed'].includes(job.status)) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    job = await send(catalog, 'GET', `/api/v1/imports/${job.id}`, store.accessToken);
    onProgress(job);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (job.status !== 'succeeded') throw new Error(`The benchmark catalog import ended ${job.status}: ${job.failure ?? JSON.stringify(job.errors?.slice(0, 5))}`);
  return { products: productCount, rows, bytes, seconds: +seconds.toFixed(1),
    productsPerSecond: Math.round(productCount / seconds), rowsPerSecond: Math.round(rows / seconds) };
}

// The warm-up import's size: enough for the services to compile their import and event paths, as a platform that
// has been running has, so the measured import is not mostly a freshly started runtime's JIT work.
const warmUpProducts = 500;

/**
 * Makes the run's store and imports its catalog; `onProgress` gets the measured import job each time it is polled,
 * and `sampleResources()` (returning the function that ends the sampling) measures the processes while it runs.
 * A small import into a store of its own goes first, and its events settle, before the measured one starts.
 */
export async function benchStore(productCount, sampleResources, onProgress) {
  const operator = await token('platform-operator', readFileSync(join(env.COMMERCE_DATA_DIR, 'platform-operator.secret'), 'utf8').trim());
  const warmUpStore = await newStore(operator, 'Benchmark warm-up store');
  let warmUp;
  try {
    warmUp = await importCatalog(warmUpStore, warmUpProducts, () => {});
    warmUp.eventsSettledSeconds = await settle();
  } finally {
    await warmUpStore.close();
  }

  const store = await newStore(operator, 'Benchmark store');
  try {
    const stopSampling = sampleResources();
    const measured = await importCatalog(store, productCount, onProgress);
    measured.resources = stopSampling();
    measured.eventsSettledSeconds = await settle();
    return { merchantId: store.merchantId, host: store.host, import: measured, warmUp };
  } finally {
    await store.close();
  }
}
