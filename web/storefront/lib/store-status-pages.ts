/**
 * Complete, script-free pages the proxy answers with before any rendering starts, when there is no
 * store to render: nobody uses the host, its merchant is suspended, or the gateway cannot say which
 * store it is. Even a client without JavaScript reads the reason. Their one inline style element
 * carries the response's Content-Security-Policy nonce.
 */

export const UNKNOWN_STORE_TITLE = 'No store is configured for this address';
export const UNKNOWN_STORE_DETAIL =
  'Check the address you typed. If you run this shop, add this host name to your store’s settings.';

export const STORE_SUSPENDED_TITLE = 'This store is temporarily unavailable';

export const STORE_ERROR_TITLE = 'The shop is temporarily unavailable';
export const STORE_ERROR_DETAIL = 'We could not load this page. Please try again in a moment.';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

interface StatusPage {
  status: number;
  title: string;
  titleTestId: string;
  detail: string;
  nonce: string;
}

function renderStatusPage({ status, title, titleTestId, detail, nonce }: StatusPage): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style nonce="${escapeHtml(nonce)}">
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
  <p class="code">${status}</p>
  <h1 data-testid="${titleTestId}">${escapeHtml(title)}</h1>
  <p class="detail">${escapeHtml(detail)}</p>
</main>
</body>
</html>
`;
}

/** 404: no merchant uses this host name. */
export function unknownStorePage(nonce: string): string {
  return renderStatusPage({
    nonce,
    status: 404,
    title: UNKNOWN_STORE_TITLE,
    titleTestId: 'unknown-store-title',
    detail: UNKNOWN_STORE_DETAIL,
  });
}

/** 503: the merchant is suspended; shoppers learn only that the store is closed for now. */
export function suspendedStorePage(merchantName: string, nonce: string): string {
  return renderStatusPage({
    nonce,
    status: 503,
    title: STORE_SUSPENDED_TITLE,
    titleTestId: 'store-unavailable-title',
    detail: `${merchantName} is not open for shopping at the moment. Please come back later.`,
  });
}

/** 503: the gateway could not tell which store this is. */
export function storeErrorPage(nonce: string): string {
  return renderStatusPage({
    nonce,
    status: 503,
    title: STORE_ERROR_TITLE,
    titleTestId: 'error-title',
    detail: STORE_ERROR_DETAIL,
  });
}
