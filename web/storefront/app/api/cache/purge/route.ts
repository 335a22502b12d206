import { revalidateTag } from 'next/cache';
import type { NextRequest } from 'next/server';
import { decidePurge, purgeTokenFromEnvironment } from '@/lib/cache-purge';
import { ALL_CATALOGS_CACHE_TAG, catalogCacheTag } from '@/lib/gateway';

export const dynamic = 'force-dynamic';

/** The services' purge after a catalog, stock or merchant change: the merchants' cached gateway answers expire now. */
export async function POST(request: NextRequest) {
  const decision = decidePurge(purgeTokenFromEnvironment(), request.headers.get('authorization'), await request.text());
  if (decision.status !== 204) {
    return Response.json({ errors: [{ message: decision.message }] }, { status: decision.status, headers: { 'cache-control': 'no-store' } });
  }
  const tags = decision.merchantIds === 'all' ? [ALL_CATALOGS_CACHE_TAG] : decision.merchantIds.map(catalogCacheTag);
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  return new Response(null, { status: 204 });
}
