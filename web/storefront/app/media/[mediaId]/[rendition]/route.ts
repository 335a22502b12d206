import { catalogMediaPath, catalogUrlFromEnvironment, FORWARDED_MEDIA_HEADERS } from '@/lib/media';
import { getStoreContext } from '@/lib/request-context';

export const dynamic = 'force-dynamic';

interface MediaRouteProps {
  params: Promise<{ mediaId: string; rendition: string }>;
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * A product image from Catalog, on the store's own origin: asked for with the store's channel header (so only this
 * store's images, and only those shoppers may see, are found), streamed through with Catalog's immutable caching.
 */
export async function GET(request: Request, props: MediaRouteProps) {
  const [{ mediaId, rendition }, store] = await Promise.all([props.params, getStoreContext()]);
  const path = catalogMediaPath(mediaId, rendition);
  if (!path || !store?.open) return notFound();

  const headers: Record<string, string> = { 'x-merchant-id': store.merchantId };
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch) headers['if-none-match'] = ifNoneMatch;
  let upstream: Response;
  try {
    upstream = await fetch(`${catalogUrlFromEnvironment()}${path}`, { headers, cache: 'no-store', signal: request.signal });
  } catch (error) {
    console.error(`[media] could not fetch ${path} from Catalog`, error);
    return new Response('The image is not available just now.', { status: 503, headers: { 'retry-after': '5', 'cache-control': 'no-store' } });
  }

  if (upstream.status !== 200 && upstream.status !== 304) {
    await upstream.body?.cancel();
    return upstream.status === 404 ? notFound() : new Response(null, { status: 502, headers: { 'cache-control': 'no-store' } });
  }

  const answer = new Headers();
  for (const name of FORWARDED_MEDIA_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) answer.set(name, value);
  }
  return new Response(upstream.status === 304 ? null : upstream.body, { status: upstream.status, headers: answer });
}
