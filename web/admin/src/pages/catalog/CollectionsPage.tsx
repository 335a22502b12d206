import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { gql } from '../../api/graphql';
import {
  CollectionCreate,
  CollectionDelete,
  CollectionProductsAdd,
  CollectionProductsRemove,
  CollectionProductsReorder,
  CollectionQuery,
  CollectionRulesPreview,
  Collections,
  CollectionUpdate,
  type CollectionRule,
} from '../../catalog/pendingOperations';
import { changeField, completeRules, fieldOf, newRule, OPERATORS, RULE_FIELDS, ruleProblem } from '../../catalog/rules';
import { slugify } from '../../catalog/seo';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { AdminProductsDocument } from '../../gql/graphql';
import { PRODUCTS_WRITE } from '../../permissions';
import { useCan } from '../../session/useCan';

const COLLECTIONS_KEY = ['collections'] as const;
const input = 'rounded border border-slate-300 px-2 py-1 text-sm';

/** The store's collections: manual ones (products picked and ordered) and automatic ones (conditions). */
export function CollectionsPage() {
  const canWrite = useCan(PRODUCTS_WRITE);
  const collections = useQuery({ queryKey: COLLECTIONS_KEY, queryFn: () => gql(Collections, { first: 100 }) });
  return (
    <section className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Collections</h1>
        {canWrite && (
          <Link to="/collections/new" className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white">
            New collection
          </Link>
        )}
      </div>
      <ErrorMessage error={collections.error} />
      {collections.isPending && <p className="text-slate-500">Loading collections…</p>}
      {collections.data && (
        <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
          {collections.data.collections.nodes.map((collection) => (
            <li key={collection.id} className="flex items-center justify-between px-3 py-2 text-sm">
              <Link to={`/collections/${collection.id}`} className="font-medium underline-offset-2 hover:underline">
                {collection.title}
              </Link>
              <span className="text-slate-600">{collection.rules?.length ? `Automatic: ${collection.rules.length} condition${collection.rules.length === 1 ? '' : 's'}` : 'Manual'}</span>
            </li>
          ))}
          {collections.data.collections.nodes.length === 0 && <li className="px-3 py-2 text-slate-600">No collections yet.</li>}
        </ul>
      )}
    </section>
  );
}

/** One collection: its title and kind, then its products (manual) or its conditions with a live count (automatic). */
export function CollectionEditorPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const canWrite = useCan(PRODUCTS_WRITE);
  const queries = useQueryClient();
  const navigate = useNavigate();
  const collection = useQuery({ queryKey: [...COLLECTIONS_KEY, id], queryFn: () => gql(CollectionQuery, { id: id! }), enabled: !isNew });
  const loaded = collection.data?.collection ?? null;
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<'manual' | 'automatic'>('manual');
  const [rules, setRules] = useState<CollectionRule[]>([newRule()]);
  useEffect(() => {
    if (!loaded) return;
    setTitle(loaded.title);
    setKind(loaded.rules?.length ? 'automatic' : 'manual');
    if (loaded.rules?.length) setRules(loaded.rules);
  }, [loaded]);

  const complete = kind === 'automatic' ? completeRules(rules) : null;
  const save = useMutation({
    mutationFn: async () => {
      const body = { title: title.trim(), slug: loaded?.slug ?? slugify(title), description: loaded?.description ?? null, rules: kind === 'automatic' ? complete : null };
      return loaded ? (await gql(CollectionUpdate, { id: loaded.id, input: body })).collectionUpdate.id : (await gql(CollectionCreate, { input: body })).collectionCreate.id;
    },
    onSuccess: async (savedId) => {
      await queries.invalidateQueries({ queryKey: COLLECTIONS_KEY });
      if (isNew) navigate(`/collections/${savedId}`, { replace: true });
    },
  });
  const remove = useMutation({
    mutationFn: () => gql(CollectionDelete, { id: loaded!.id }),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: COLLECTIONS_KEY });
      navigate('/collections');
    },
  });

  if (!isNew && collection.isPending) return <p className="text-slate-500">Loading the collection…</p>;
  if (!isNew && collection.isError) return <ErrorMessage error={collection.error} />;

  return (
    <section className="space-y-5">
      <Link to="/collections" className="text-sm text-slate-600 underline">
        Collections
      </Link>
      <h1 className="text-2xl font-semibold">{loaded?.title ?? 'New collection'}</h1>
      <form
        aria-label="Collection"
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <fieldset disabled={!canWrite} className="space-y-4">
          <label className="flex max-w-md flex-col text-sm">
            Collection title
            <input value={title} onChange={(event) => setTitle(event.target.value)} className={input} required maxLength={200} />
          </label>
          <fieldset className="flex gap-4 text-sm">
            <legend className="font-medium">Products are</legend>
            <label className="flex items-center gap-1">
              <input type="radio" name="kind" checked={kind === 'manual'} onChange={() => setKind('manual')} /> picked by hand
            </label>
            <label className="flex items-center gap-1">
              <input type="radio" name="kind" checked={kind === 'automatic'} onChange={() => setKind('automatic')} /> those meeting conditions
            </label>
          </fieldset>
          {kind === 'automatic' && <RuleBuilder rules={rules} onChange={setRules} />}
        </fieldset>
        <ErrorMessage error={save.error ?? remove.error} />
        {canWrite && (
          <div className="flex gap-2">
            <button type="submit" disabled={!title.trim() || (kind === 'automatic' && !complete) || save.isPending} className="rounded bg-slate-800 px-4 py-2 text-sm text-white disabled:opacity-50">
              {loaded ? 'Save collection' : 'Create collection'}
            </button>
            {loaded && <ConfirmButton label="Delete" accessibleName={`Delete ${loaded.title}`} question={`Delete the collection ${loaded.title}? Its products stay.`} onConfirm={() => remove.mutate()} />}
          </div>
        )}
      </form>
      {loaded && kind === 'manual' && <ManualProducts collectionId={loaded.id} products={loaded.products.nodes} canWrite={canWrite} />}
    </section>
  );
}

/** Conditions all of a collection's products meet, and how many products meet them now. */
export function RuleBuilder({ rules, onChange }: { rules: CollectionRule[]; onChange: (rules: CollectionRule[]) => void }) {
  const complete = completeRules(rules);
  const [debounced, setDebounced] = useState(complete);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(complete), 300);
    return () => clearTimeout(timer);
    // Compared by content: a new array of the same conditions is the same preview.
  }, [JSON.stringify(complete)]);
  const preview = useQuery({
    queryKey: ['collection-rules-preview', debounced],
    queryFn: () => gql(CollectionRulesPreview, { rules: debounced! }),
    enabled: debounced !== null,
  });
  const update = (index: number, rule: CollectionRule) => onChange(rules.map((candidate, at) => (at === index ? rule : candidate)));

  return (
    <fieldset className="space-y-2 rounded border border-slate-200 bg-white p-3">
      <legend className="px-1 text-sm font-medium">Conditions (a product must meet all)</legend>
      <ol className="space-y-2">
        {rules.map((rule, index) => {
          const problem = rule.value.trim() ? ruleProblem(rule) : null;
          const kind = fieldOf(rule.field).kind;
          return (
            <li key={index} className="flex flex-wrap items-end gap-2 text-sm">
              <label className="flex flex-col">
                Field of condition {index + 1}
                <select value={rule.field} onChange={(event) => update(index, changeField(rule, event.target.value))} className={input}>
                  {RULE_FIELDS.map((field) => (
                    <option key={field.field} value={field.field}>
                      {field.label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col">
                Comparison of condition {index + 1}
                <select value={rule.operator} onChange={(event) => update(index, { ...rule, operator: event.target.value })} className={input}>
                  {OPERATORS[kind].map((operator) => (
                    <option key={operator.operator} value={operator.operator}>
                      {operator.label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col">
                Value of condition {index + 1}
                {kind === 'status' ? (
                  <select value={rule.value} onChange={(event) => update(index, { ...rule, value: event.target.value })} className={input}>
                    <option value="">Choose…</option>
                    <option value="draft">Draft</option>
                    <option value="active">Active</option>
                    <option value="archived">Archived</option>
                  </select>
                ) : (
                  <input value={rule.value} inputMode={kind === 'money' ? 'decimal' : undefined} aria-invalid={problem ? true : undefined} onChange={(event) => update(index, { ...rule, value: event.target.value })} className={input} />
                )}
              </label>
              {rules.length > 1 && (
                <button type="button" onClick={() => onChange(rules.filter((_, at) => at !== index))} className="rounded border border-slate-300 px-2 py-1" aria-label={`Remove condition ${index + 1}`}>
                  Remove
                </button>
              )}
              {problem && <p className="w-full text-xs text-red-700">{problem}</p>}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...rules, newRule()])} className="rounded border border-slate-300 px-2 py-1 text-sm">
        Add condition
      </button>
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {complete === null
          ? 'Complete every condition to see how many products match.'
          : preview.isError
            ? 'The count is not available right now.'
            : preview.data
              ? `${preview.data.collectionRulesPreview.totalCount} product${preview.data.collectionRulesPreview.totalCount === 1 ? '' : 's'} match now.`
              : 'Counting…'}
      </p>
    </fieldset>
  );
}

function ManualProducts({ collectionId, products, canWrite }: { collectionId: string; products: { id: string; name: string; slug: string }[]; canWrite: boolean }) {
  const queries = useQueryClient();
  const [order, setOrder] = useState(products.map((product) => product.id));
  useEffect(() => setOrder(products.map((product) => product.id)), [products]);
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['collection-pick', search],
    queryFn: () => gql(AdminProductsDocument, { first: 10, search }),
    enabled: search.trim().length > 1,
  });
  const refresh = () => queries.invalidateQueries({ queryKey: COLLECTIONS_KEY });
  const add = useMutation({ mutationFn: (productId: string) => gql(CollectionProductsAdd, { id: collectionId, productIds: [productId] }), onSettled: refresh });
  const remove = useMutation({ mutationFn: (productId: string) => gql(CollectionProductsRemove, { id: collectionId, productIds: [productId] }), onSettled: refresh });
  const reorder = useMutation({ mutationFn: (productIds: string[]) => gql(CollectionProductsReorder, { id: collectionId, productIds }), onSettled: refresh });
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const byId = new Map(products.map((product) => [product.id, product]));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const next = arrayMove(order, order.indexOf(String(active.id)), order.indexOf(String(over.id)));
    setOrder(next);
    reorder.mutate(next);
  };

  return (
    <section aria-labelledby="collection-products" className="space-y-3">
      <h2 id="collection-products" className="text-lg font-semibold">
        Products in this collection
      </h2>
      <ErrorMessage error={add.error ?? remove.error ?? reorder.error} />
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          <ol aria-label="Products in display order" className="space-y-1">
            {order.map((productId, index) => {
              const product = byId.get(productId);
              return product ? <SortableProduct key={productId} product={product} index={index} canWrite={canWrite} onRemove={() => remove.mutate(productId)} /> : null;
            })}
          </ol>
        </SortableContext>
      </DndContext>
      {order.length === 0 && <p className="text-sm text-slate-600">No products yet.</p>}
      {canWrite && (
        <div className="space-y-2">
          <label className="flex max-w-md flex-col text-sm">
            Find a product to add
            <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} className={input} />
          </label>
          <ul className="space-y-1 text-sm">
            {found.data?.adminProducts.nodes
              .filter((product) => !byId.has(product.id))
              .map((product) => (
                <li key={product.id} className="flex items-center gap-2">
                  <span>{product.name}</span>
                  <button type="button" onClick={() => add.mutate(product.id)} className="rounded border border-slate-300 px-2 py-0.5">
                    Add<span className="sr-only"> {product.name}</span>
                  </button>
                </li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function SortableProduct({ product, index, canWrite, onRemove }: { product: { id: string; name: string }; index: number; canWrite: boolean; onRemove: () => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } = useSortable({ id: product.id, disabled: !canWrite });
  return (
    <li ref={setNodeRef} style={{ transform: transform ? `translate3d(0, ${transform.y}px, 0)` : undefined, transition }} className="flex items-center gap-2 rounded border border-slate-200 bg-white px-2 py-1 text-sm">
      {canWrite && (
        <button type="button" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={`Move ${product.name}, now at position ${index + 1}`} className="cursor-grab px-1">
          ⠿
        </button>
      )}
      <span className="flex-1">{product.name}</span>
      {canWrite && (
        <button type="button" onClick={onRemove} className="text-red-700 underline">
          Remove<span className="sr-only"> {product.name}</span>
        </button>
      )}
    </li>
  );
}
