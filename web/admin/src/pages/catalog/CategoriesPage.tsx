import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { gql } from '../../api/graphql';
import { CATEGORIES_KEY, categoryPath, useCategoryTree, type FlatCategory } from '../../catalog/categories';
import { slugify } from '../../catalog/seo';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CategoryCreateDocument, CategoryDeleteDocument, CategoryMoveDocument, CategoryUpdateDocument } from '../../gql/graphql';
import { PRODUCTS_WRITE } from '../../permissions';
import { useCan } from '../../session/useCan';

const input = 'rounded border border-slate-300 px-2 py-1 text-sm';

/**
 * The category tree: add a category (at the top or under another), rename it, move it up or down among its
 * siblings or under another parent, and delete it, saying first what happens to its products.
 */
export function CategoriesPage() {
  const canWrite = useCan(PRODUCTS_WRITE);
  const queries = useQueryClient();
  const tree = useCategoryTree();
  const refresh = () => queries.invalidateQueries({ queryKey: CATEGORIES_KEY });
  const [status, setStatus] = useState('');
  const done = (message: string) => async () => {
    setStatus(message);
    await refresh();
  };

  const create = useMutation({ mutationFn: (change: { name: string; parentId: string | null }) => gql(CategoryCreateDocument, { input: { name: change.name, slug: slugify(change.name) || null, parentId: change.parentId } }) });
  // Only the name changes: the slug stays, so links to the category keep working.
  const rename = useMutation({ mutationFn: (change: { line: FlatCategory; name: string }) => gql(CategoryUpdateDocument, { id: change.line.id, input: { name: change.name } }) });
  const move = useMutation({ mutationFn: (change: { id: string; parentId: string | null; position: number }) => gql(CategoryMoveDocument, change) });
  const remove = useMutation({ mutationFn: (change: { id: string; productsTo: string | null }) => gql(CategoryDeleteDocument, change) });
  const failure = create.error ?? rename.error ?? move.error ?? remove.error;

  if (tree.isPending) return <p className="text-slate-500">Loading categories…</p>;
  if (tree.isError) return <ErrorMessage error={tree.error} />;
  const lines = tree.data.lines;

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Categories</h1>
      <p role="status" className="text-sm text-green-800">
        {status}
      </p>
      <ErrorMessage error={failure} />
      {canWrite && <AddCategory lines={lines} busy={create.isPending} onAdd={(name, parentId) => create.mutate({ name, parentId }, { onSuccess: done(`Added ${name}.`) })} />}
      {lines.length === 0 ? (
        <p className="text-slate-600">No categories yet.</p>
      ) : (
        <ul role="tree" aria-label="Categories" className="space-y-1 rounded border border-slate-200 bg-white p-3">
          {lines.map((line) => (
            <CategoryRow
              key={line.id}
              line={line}
              lines={lines}
              canWrite={canWrite}
              onRename={(name) => rename.mutate({ line, name }, { onSuccess: done(`Renamed to ${name}.`) })}
              onMove={(parentId, position) => move.mutate({ id: line.id, parentId, position }, { onSuccess: done(`Moved ${line.name}.`) })}
              onDelete={(productsTo) => remove.mutate({ id: line.id, productsTo }, { onSuccess: done(`Deleted ${line.name}.`) })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function AddCategory({ lines, busy, onAdd }: { lines: FlatCategory[]; busy: boolean; onAdd: (name: string, parentId: string | null) => void }) {
  const [name, setName] = useState('');
  const [parent, setParent] = useState('');
  return (
    <form
      aria-label="Add a category"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return;
        onAdd(name.trim(), parent || null);
        setName('');
      }}
    >
      <label className="flex flex-col text-sm">
        New category name
        <input value={name} onChange={(event) => setName(event.target.value)} className={input} />
      </label>
      <label className="flex flex-col text-sm">
        Under
        <select value={parent} onChange={(event) => setParent(event.target.value)} className={input}>
          <option value="">The top level</option>
          {lines.map((line) => (
            <option key={line.id} value={line.id}>
              {categoryPath(lines, line.id)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy || !name.trim()} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-50">
        Add category
      </button>
    </form>
  );
}

/** Ids of the category and everything beneath it: it cannot move under any of them. */
function subtree(lines: FlatCategory[], id: string): Set<string> {
  const ids = new Set([id]);
  for (const line of lines) if (line.parentId && ids.has(line.parentId)) ids.add(line.id);
  return ids;
}

function CategoryRow({
  line,
  lines,
  canWrite,
  onRename,
  onMove,
  onDelete,
}: {
  line: FlatCategory;
  lines: FlatCategory[];
  canWrite: boolean;
  onRename: (name: string) => void;
  onMove: (parentId: string | null, position: number) => void;
  onDelete: (productsTo: string | null) => void;
}) {
  const [mode, setMode] = useState<'view' | 'rename' | 'move' | 'delete'>('view');
  const [name, setName] = useState(line.name);
  const [parent, setParent] = useState(line.parentId ?? '');
  const [productsTo, setProductsTo] = useState('');
  const hasChildren = lines.some((candidate) => candidate.parentId === line.id);
  const beneath = subtree(lines, line.id);
  const path = categoryPath(lines, line.id);

  return (
    <li role="treeitem" aria-level={line.depth + 1} aria-selected={false} aria-label={path} className="text-sm" style={{ paddingLeft: `${line.depth * 1.5}rem` }}>
      <div className="flex flex-wrap items-center gap-2 py-1">
        <span className="font-medium">{line.name}</span>
        <span className="text-xs text-slate-500">/{line.slug}</span>
        {canWrite && mode === 'view' && (
          <>
            <button type="button" aria-label={`Move ${line.name} up`} disabled={line.position === 0} onClick={() => onMove(line.parentId, line.position - 1)} className="rounded border border-slate-300 px-1.5 disabled:opacity-40">
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${line.name} down`}
              disabled={line.position === line.siblings - 1}
              onClick={() => onMove(line.parentId, line.position + 1)}
              className="rounded border border-slate-300 px-1.5 disabled:opacity-40"
            >
              ↓
            </button>
            <button type="button" onClick={() => setMode('rename')} className="underline">
              Rename<span className="sr-only"> {line.name}</span>
            </button>
            <button type="button" onClick={() => setMode('move')} className="underline">
              Move<span className="sr-only"> {line.name}</span> elsewhere
            </button>
            <button type="button" onClick={() => setMode('delete')} className="text-red-700 underline">
              Delete<span className="sr-only"> {line.name}</span>
            </button>
          </>
        )}
      </div>
      {mode === 'rename' && (
        <form
          className="flex items-end gap-2 pb-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim() && name.trim() !== line.name) onRename(name.trim());
            setMode('view');
          }}
        >
          <label className="flex flex-col">
            Name of {line.name}
            <input autoFocus value={name} onChange={(event) => setName(event.target.value)} className={input} />
          </label>
          <button type="submit" className="rounded bg-slate-800 px-2 py-1 text-white">
            Save name
          </button>
          <button type="button" onClick={() => setMode('view')} className="rounded border border-slate-300 px-2 py-1">
            Cancel
          </button>
        </form>
      )}
      {mode === 'move' && (
        <form
          className="flex items-end gap-2 pb-2"
          onSubmit={(event) => {
            event.preventDefault();
            const siblings = lines.filter((candidate) => candidate.parentId === (parent || null) && candidate.id !== line.id).length;
            onMove(parent || null, siblings);
            setMode('view');
          }}
        >
          <label className="flex flex-col">
            Move {line.name} under
            <select autoFocus value={parent} onChange={(event) => setParent(event.target.value)} className={input}>
              <option value="">The top level</option>
              {lines
                .filter((candidate) => !beneath.has(candidate.id))
                .map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {categoryPath(lines, candidate.id)}
                  </option>
                ))}
            </select>
          </label>
          <button type="submit" className="rounded bg-slate-800 px-2 py-1 text-white">
            Move here (last)
          </button>
          <button type="button" onClick={() => setMode('view')} className="rounded border border-slate-300 px-2 py-1">
            Cancel
          </button>
        </form>
      )}
      {mode === 'delete' && (
        <div role="group" aria-label={`Delete ${line.name}`} className="space-y-2 rounded border border-red-200 bg-red-50 p-2">
          {hasChildren ? (
            <p>
              {line.name} has subcategories. Move or delete them first: a category is deleted only when nothing sits beneath it.
            </p>
          ) : (
            <>
              <p>Products listed in {line.name} are moved to the category you choose here; with none chosen they simply leave it (products with no other category are then uncategorised).</p>
              <label className="flex flex-col">
                Move its products to
                <select value={productsTo} onChange={(event) => setProductsTo(event.target.value)} className={input}>
                  <option value="">No category</option>
                  {lines
                    .filter((candidate) => candidate.id !== line.id)
                    .map((candidate) => (
                      <option key={candidate.id} value={candidate.id}>
                        {categoryPath(lines, candidate.id)}
                      </option>
                    ))}
                </select>
              </label>
              <button
                type="button"
                onClick={() => {
                  onDelete(productsTo || null);
                  setMode('view');
                }}
                className="rounded bg-red-700 px-2 py-1 text-white"
              >
                Yes, delete {line.name}
              </button>
            </>
          )}
          <button type="button" onClick={() => setMode('view')} className="ml-2 rounded border border-slate-300 bg-white px-2 py-1">
            Cancel
          </button>
        </div>
      )}
    </li>
  );
}
