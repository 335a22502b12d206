import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { gql } from '../../api/graphql';
import { categoryPath, useCategoryTree } from '../../catalog/categories';
import { COLLECTIONS_KEY, useCollectionList } from '../../catalog/collections';
import { changeField, completeRules, editableRules, fieldOf, newRule, OPERATOR_LABELS, RULE_FIELDS, ruleProblem, type CollectionRule } from '../../catalog/rules';
import { slugify } from '../../catalog/seo';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import {
  AdminProductsDocument,
  CollectionCreateDocument,
  CollectionDeleteDocument,
  CollectionDocument,
  CollectionProductsAddDocument,
  CollectionProductsRemoveDocument,
  CollectionProductsReorderDocument,
  CollectionRulesPreviewDocument,
  CollectionUpdateDocument,
  type CollectionKind,
  type CollectionRuleField,
  type CollectionRuleMatch,
  type CollectionRuleOperator,
} from '../../gql/graphql';
import { PRODUCTS_WRITE } from '../../permissions';
import { useCan } from '../../session/useCan';

const input = 'rounded border border-slate-300 px-2 py-1 text-sm';

/** The store's collections: manual ones (products picked and ordered) and automatic ones (conditions). */
export function CollectionsPage() {
  const canWrite = useCan(PRODUCTS_WRITE);
  const collections = useCollectionList();
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
              <Link to={`/collections/${encodeURIComponent(collection.slug)}`} className="font-medium underline-offset-2 hover:underline">
                {collection.title}
              </Link>
              <span className="text-slate-600">{collection.kind === 'RULES' ? `Automatic: ${conditionCount(collection.rules?.conditions.length ?? 0)}` : 'Manual'}</span>
            </li>
          ))}
          {collections.data.collections.nodes.length === 0 && <li className="px-3 py-2 text-slate-600">No collections yet.</li>}
        </ul>
      )}
    </section>
  );
}

const conditionCount = (count: number) => `${count} condition${count === 1 ? '' : 's'}`;

/** One collection: its title and kind, then its products (manual) or its conditions with a live count (automatic). */
export function CollectionEditorPage() {
  const { slug } = useParams();
  const isNew = !slug || slug === 'new';
  const canWrite = useCan(PRODUCTS_WRITE);
  const queries = useQueryClient();
  const navigate = useNavigate();
  const collection = useQuery({ queryKey: [...COLLECTIONS_KEY, slug], queryFn: () => gql(CollectionDocument, { slug: slug! }), enabled: !isNew });
  const loaded = collection.data?.collection ?? null;
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<CollectionKind>('MANUAL');
  const [match, setMatch] = useState<CollectionRuleMatch>('ALL');
  const [rules, setRules] = useState<CollectionRule[]>([newRule()]);
  useEffect(() => {
    if (!loaded) return;
    setTitle(loaded.title);
    setKind(loaded.kind);
    if (loaded.rules) {
      setMatch(loaded.rules.match);
      setRules(editableRules(loaded.rules.conditions));
    }
  }, [loaded]);

  const complete = kind === 'RULES' ? completeRules(rules) : null;
  const save = useMutation({
    mutationFn: async () => {
      const ruleInput = kind === 'RULES' && complete ? { match, conditions: complete } : null;
      if (loaded) {
        // Saved against the version loaded: someone else's save in between is a CONFLICT, not silently overwritten.
        const input = { title: title.trim(), ...(ruleInput ? { rules: ruleInput } : {}) };
        return (await gql(CollectionUpdateDocument, { id: loaded.id, version: loaded.version, input })).collectionUpdate.slug;
      }
      return (await gql(CollectionCreateDocument, { input: { title: title.trim(), slug: slugify(title), kind, rules: ruleInput } })).collectionCreate.slug;
    },
    onSuccess: async (savedSlug) => {
      await queries.invalidateQueries({ queryKey: COLLECTIONS_KEY });
      if (isNew) navigate(`/collections/${encodeURIComponent(savedSlug)}`, { replace: true });
    },
  });
  const remove = useMutation({
    mutationFn: () => gql(CollectionDeleteDocument, { id: loaded!.id }),
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
          {/* A collection keeps its kind: Catalog changes a saved one's rules, never whether it has them. */}
          <fieldset disabled={loaded !== null} className="flex gap-4 text-sm">
            <legend className="font-medium">Products are</legend>
            <label className="flex items-center gap-1">
              <input type="radio" name="kind" checked={kind === 'MANUAL'} onChange={() => setKind('MANUAL')} /> picked by hand
            </label>
            <label className="flex items-center gap-1">
              <input type="radio" name="kind" checked={kind === 'RULES'} onChange={() => setKind('RULES')} /> those meeting conditions
            </label>
          </fieldset>
          {kind === 'RULES' && <RuleBuilder match={match} rules={rules} onMatchChange={setMatch} onChange={setRules} />}
        </fieldset>
        <ErrorMessage error={save.error ?? remove.error} />
        {canWrite && (
          <div className="flex gap-2">
            <button type="submit" disabled={!title.trim() || (kind === 'RULES' && !complete) || save.isPending} className="rounded bg-slate-800 px-4 py-2 text-sm text-white disabled:opacity-50">
              {loaded ? 'Save collection' : 'Create collection'}
            </button>
            {loaded && <ConfirmButton label="Delete" accessibleName={`Delete ${loaded.title}`} question={`Delete the collection ${loaded.title}? Its products stay.`} onConfirm={() => remove.mutate()} />}
          </div>
        )}
      </form>
      {loaded && loaded.kind === 'MANUAL' && <ManualProducts collectionId={loaded.id} products={loaded.products.nodes} canWrite={canWrite} />}
    </section>
  );
}

/** Conditions a collection's products meet (all of them, or any one), and how many products meet them now. */
export function RuleBuilder({
  match,
  rules,
  onMatchChange,
  onChange,
}: {
  match: CollectionRuleMatch;
  rules: CollectionRule[];
  onMatchChange: (match: CollectionRuleMatch) => void;
  onChange: (rules: CollectionRule[]) => void;
}) {
  const categories = useCategoryTree();
  const complete = completeRules(rules);
  const wanted = complete ? { match, conditions: complete } : null;
  const [debounced, setDebounced] = useState(wanted);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(wanted), 300);
    return () => clearTimeout(timer);
    // Compared by content: a new array of the same conditions is the same preview.
  }, [JSON.stringify(wanted)]);
  const preview = useQuery({
    queryKey: ['collection-rules-preview', debounced],
    queryFn: () => gql(CollectionRulesPreviewDocument, { rules: debounced! }),
    enabled: debounced !== null,
  });
  const update = (index: number, rule: CollectionRule) => onChange(rules.map((candidate, at) => (at === index ? rule : candidate)));
  const counted = preview.data?.collectionRulesPreview;

  return (
    <fieldset className="space-y-2 rounded border border-slate-200 bg-white p-3">
      <legend className="px-1 text-sm font-medium">Conditions</legend>
      <label className="flex max-w-xs flex-col text-sm">
        A product must meet
        <select value={match} onChange={(event) => onMatchChange(event.target.value as CollectionRuleMatch)} className={input}>
          <option value="ALL">every condition</option>
          <option value="ANY">any condition</option>
        </select>
      </label>
      <ol className="space-y-2">
        {rules.map((rule, index) => {
          const problem = rule.value.trim() ? ruleProblem(rule) : null;
          const field = fieldOf(rule.field);
          const kind = field.kind;
          return (
            <li key={index} className="flex flex-wrap items-end gap-2 text-sm">
              <label className="flex flex-col">
                Field of condition {index + 1}
                <select value={rule.field} onChange={(event) => update(index, changeField(rule, event.target.value as CollectionRuleField))} className={input}>
                  {RULE_FIELDS.map((field) => (
                    <option key={field.field} value={field.field}>
                      {field.label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col">
                Comparison of condition {index + 1}
                <select value={rule.operator} onChange={(event) => update(index, { ...rule, operator: event.target.value as CollectionRuleOperator })} className={input}>
                  {field.operators.map((operator) => (
                    <option key={operator} value={operator}>
                      {OPERATOR_LABELS[operator]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col">
                Value of condition {index + 1}
                {kind === 'yesNo' ? (
                  <select value={rule.value} onChange={(event) => update(index, { ...rule, value: event.target.value })} className={input}>
                    <option value="">Choose…</option>
                    <option value="true">Yes</option>
                    <option value="false">No</option>
                  </select>
                ) : kind === 'category' ? (
                  <select value={rule.value} onChange={(event) => update(index, { ...rule, value: event.target.value })} className={input}>
                    <option value="">Choose…</option>
                    {(categories.data?.lines ?? []).map((line, _, lines) => (
                      <option key={line.id} value={line.id}>
                        {categoryPath(lines, line.id)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input value={rule.value} maxLength={200} inputMode={kind === 'money' ? 'decimal' : undefined} aria-invalid={problem ? true : undefined} onChange={(event) => update(index, { ...rule, value: event.target.value })} className={input} />
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
      <button type="button" disabled={rules.length >= 20} onClick={() => onChange([...rules, newRule()])} className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-50">
        Add condition
      </button>
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {complete === null
          ? 'Complete every condition to see how many products match.'
          : preview.isError
            ? 'The count is not available right now.'
            : counted
              ? `${counted.count} product${counted.count === 1 ? '' : 's'} match now, ${counted.publishedCount} of them published.`
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
  const add = useMutation({ mutationFn: (productId: string) => gql(CollectionProductsAddDocument, { id: collectionId, productIds: [productId] }), onSettled: refresh });
  const remove = useMutation({ mutationFn: (productId: string) => gql(CollectionProductsRemoveDocument, { id: collectionId, productIds: [productId] }), onSettled: refresh });
  const reorder = useMutation({ mutationFn: (productIds: string[]) => gql(CollectionProductsReorderDocument, { id: collectionId, productIds }), onSettled: refresh });
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
