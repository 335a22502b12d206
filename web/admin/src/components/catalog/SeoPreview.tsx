import { seoPreview } from '../../catalog/seo';

/** How the product may look in search results, as the fields are typed. */
export function SeoPreview(props: Parameters<typeof seoPreview>[0]) {
  const preview = seoPreview(props);
  return (
    <figure aria-label="Search result preview" className="rounded border border-slate-200 bg-white p-3">
      <figcaption className="mb-1 text-xs uppercase tracking-wide text-slate-500">Search result preview</figcaption>
      <p className="truncate text-xs text-slate-600" data-testid="seo-preview-url">
        {preview.url}
      </p>
      <p className="text-lg text-blue-800" data-testid="seo-preview-title">
        {preview.title}
      </p>
      <p className="text-sm text-slate-700" data-testid="seo-preview-description">
        {preview.description || 'Add a description, or an SEO description, to show here.'}
      </p>
    </figure>
  );
}
