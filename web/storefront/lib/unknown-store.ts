export const UNKNOWN_STORE_TITLE = 'No store is configured for this address';
export const UNKNOWN_STORE_DETAIL =
  'Check the address you typed. If you run this shop, map this host name to your merchant in the storefront configuration.';

/**
 * A complete, script-free 404 page for a host that no merchant uses. It is served before any
 * rendering starts, so even a client without JavaScript reads the reason.
 */
export function unknownStorePage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${UNKNOWN_STORE_TITLE}</title>
<style>
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
         font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
         color: #0f172a; background: #fff; }
  main { max-width: 36rem; padding: 6rem 1.5rem; text-align: center; }
  p.code { font-size: .875rem; font-weight: 600; letter-spacing: .05em; color: #64748b; }
  h1 { font-size: 1.875rem; margin: .5rem 0 0; }
  p.detail { color: #475569; margin-top: 1rem; line-height: 1.5; }
</style>
</head>
<body>
<main>
  <p class="code">404</p>
  <h1 data-testid="unknown-store-title">${UNKNOWN_STORE_TITLE}</h1>
  <p class="detail">${UNKNOWN_STORE_DETAIL}</p>
</main>
</body>
</html>
`;
}
