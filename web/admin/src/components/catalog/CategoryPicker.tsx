import { categoryPath, type FlatCategory } from '../../catalog/categories';

/** The categories a product is listed in (several) and its primary one, which breadcrumbs follow. */
export function CategoryPicker({
  lines,
  selected,
  primary,
  onChange,
}: {
  lines: FlatCategory[];
  selected: string[];
  primary: string;
  onChange: (selected: string[], primary: string) => void;
}) {
  if (lines.length === 0) return <p className="text-sm text-slate-600">The store has no categories yet.</p>;
  const effectivePrimary = selected.includes(primary) ? primary : (selected[0] ?? '');
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">Categories</legend>
      <ul className="max-h-56 space-y-1 overflow-auto rounded border border-slate-200 bg-white p-2">
        {lines.map((line) => {
          const checked = selected.includes(line.slug);
          const path = categoryPath(lines, line.id);
          return (
            <li key={line.id} className="flex items-center gap-3 text-sm" style={{ paddingLeft: `${line.depth * 1.25}rem` }}>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() => {
                    const next = checked ? selected.filter((slug) => slug !== line.slug) : [...selected, line.slug];
                    onChange(next, next.includes(effectivePrimary) ? effectivePrimary : (next[0] ?? ''));
                  }}
                />
                <span>{path}</span>
              </label>
              {checked && (
                <label className="flex items-center gap-1 text-xs text-slate-600">
                  <input type="radio" name="primary-category" checked={effectivePrimary === line.slug} onChange={() => onChange(selected, line.slug)} aria-label={`Primary: ${path}`} />
                  Primary
                </label>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
