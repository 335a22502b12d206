import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cloneElement, useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { conflictVersion, gql } from '../../api/graphql';
import { categoryPath, useCategoryTree } from '../../catalog/categories';
import { placeErrors } from '../../catalog/formErrors';
import { emptyProduct, formFromProduct, productFormSchema, productInput, type ProductFormValues } from '../../catalog/productForm';
import { SEO_DESCRIPTION_MAX, SEO_TITLE_MAX, seoPreview, slugify } from '../../catalog/seo';
import { useUnsavedChangesWarning } from '../../catalog/useUnsavedChangesWarning';
import { variantTitle } from '../../catalog/variantMatrix';
import { CategoryPicker } from '../../components/catalog/CategoryPicker';
import { MediaPanel } from '../../components/catalog/MediaPanel';
import { RichTextEditor } from '../../components/catalog/RichTextEditor';
import { SeoPreview } from '../../components/catalog/SeoPreview';
import { VariantMatrix } from '../../components/catalog/VariantMatrix';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import {
  AdminProductDocument,
  AdminProductsDocument,
  ProductArchiveDocument,
  ProductCreateDocument,
  ProductDeleteDocument,
  ProductRestoreDocument,
  ProductUpdateDocument,
  type ProductDetailFragment,
} from '../../gql/graphql';
import { PRODUCTS_WRITE } from '../../permissions';
import { useCan } from '../../session/useCan';
import { useSession } from '../../session/useSession';
import { PRODUCTS_KEY } from './ProductsPage';

export const productKey = (id: string) => ['product', id] as const;

const text = 'mt-1 w-full rounded border border-slate-300 px-2 py-1';

/** A new product (/products/new) or an existing one (/products/:id). */
export default function ProductEditorPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const product = useQuery({ queryKey: productKey(id ?? 'new'), queryFn: () => gql(AdminProductDocument, { id: id! }), enabled: !isNew });
  // The store's currency: a new product's prices are in the currency its other products use.
  const sample = useQuery({ queryKey: [...PRODUCTS_KEY, 'currency'], queryFn: () => gql(AdminProductsDocument, { first: 1 }), enabled: isNew });

  if (!isNew && product.isPending) return <p className="text-slate-500">Loading the product…</p>;
  if (!isNew && product.isError) return <ErrorMessage error={product.error} />;
  if (!isNew && !product.data?.adminProduct) {
    return (
      <section>
        <h1 className="text-2xl font-semibold">Product not found</h1>
        <Link to="/products" className="underline">
          Back to products
        </Link>
      </section>
    );
  }
  const loaded = product.data?.adminProduct ?? null;
  const currency = loaded?.variants[0]?.price.currency ?? sample.data?.adminProducts.nodes[0]?.priceFrom.currency ?? 'USD';
  return <ProductEditor key={loaded?.id ?? 'new'} product={loaded} currency={currency} onReload={() => product.refetch()} />;
}

function ProductEditor({ product, currency, onReload }: { product: ProductDetailFragment | null; currency: string; onReload: () => Promise<unknown> }) {
  const canWrite = useCan(PRODUCTS_WRITE);
  const session = useSession();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const categories = useCategoryTree();
  const descriptionLabel = useId();
  const [version, setVersion] = useState(product?.version ?? null);
  const [conflict, setConflict] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const slugTouched = useRef(Boolean(product));

  const form = useForm<ProductFormValues>({
    resolver: zodResolver(productFormSchema),
    defaultValues: product ? formFromProduct(product) : emptyProduct(),
  });
  const { register, formState, watch, setValue } = form;
  const errors = formState.errors;
  const { blocker, allowNavigation } = useUnsavedChangesWarning(formState.isDirty);

  const fieldError = (name: string): string | undefined => {
    let node: unknown = errors;
    for (const part of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    const message = (node as { message?: unknown } | undefined)?.message ?? (node as { root?: { message?: unknown } } | undefined)?.root?.message;
    return typeof message === 'string' ? message : undefined;
  };

  const save = useMutation({
    mutationFn: async (values: ProductFormValues) => {
      const input = productInput(values, currency);
      if (product && version !== null) return (await gql(ProductUpdateDocument, { id: product.id, version, input })).productUpdate;
      return (await gql(ProductCreateDocument, { input })).productCreate;
    },
    onMutate: () => {
      setGeneral([]);
      setSaved(null);
      setConflict(false);
    },
    onSuccess: async (result) => {
      await queries.invalidateQueries({ queryKey: PRODUCTS_KEY });
      queries.setQueryData(productKey(result.id), { adminProduct: result });
      if (!product) {
        allowNavigation();
        form.reset(formFromProduct(result));
        navigate(`/products/${result.id}`, { replace: true });
        return;
      }
      setVersion(result.version);
      form.reset(formFromProduct(result));
      setSaved('Saved.');
    },
    onError: (error) => {
      if (conflictVersion(error) !== null) {
        setConflict(true);
        return;
      }
      const placed = placeErrors(error);
      for (const [field, message] of Object.entries(placed.fields)) form.setError(field as keyof ProductFormValues, { type: 'server', message });
      setGeneral(placed.general);
    },
  });

  const lifecycle = useMutation({
    mutationFn: async (action: 'archive' | 'restore' | 'delete') => {
      if (!product) return;
      if (action === 'archive') return gql(ProductArchiveDocument, { id: product.id, version });
      if (action === 'restore') return gql(ProductRestoreDocument, { id: product.id, version });
      return gql(ProductDeleteDocument, { id: product.id, version });
    },
    onSuccess: async (_, action) => {
      await queries.invalidateQueries({ queryKey: PRODUCTS_KEY });
      if (action === 'delete') {
        allowNavigation();
        navigate('/products');
        return;
      }
      await reload();
    },
    onError: (error) => {
      if (conflictVersion(error) !== null && conflictVersion(error) !== -1) setConflict(true);
    },
  });

  const reload = async () => {
    const fresh = (await onReload()) as { data?: { adminProduct: ProductDetailFragment | null } };
    const latest = fresh.data?.adminProduct;
    if (latest) {
      setVersion(latest.version);
      form.reset(formFromProduct(latest));
    }
    setConflict(false);
  };

  useEffect(() => {
    const subscription = watch((values, { name }) => {
      if (name === 'title' && !slugTouched.current) setValue('slug', slugify(values.title ?? ''), { shouldDirty: true });
    });
    return () => subscription.unsubscribe();
  }, [watch, setValue]);

  const values = watch();
  const preview = seoPreview({
    seoTitle: values.seoTitle,
    seoDescription: values.seoDescription,
    title: values.title,
    descriptionHtml: values.description,
    slug: values.slug,
    storeHost: session.data?.merchantName ?? 'Your store',
  });

  const heading = product ? product.name : 'New product';
  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <Link to="/products" className="text-sm text-slate-600 underline">
            Products
          </Link>
          <h1 className="text-2xl font-semibold">{heading}</h1>
          {product && (
            <p className="text-sm text-slate-600">
              {product.isPublished ? 'On sale now' : 'Not on sale now'} · version {version}
            </p>
          )}
        </div>
        {canWrite && product && (
          <div className="flex gap-2">
            {product.status === 'ARCHIVED' ? (
              <button type="button" className="rounded border border-slate-300 px-3 py-1 text-sm" onClick={() => lifecycle.mutate('restore')}>
                Restore as draft
              </button>
            ) : (
              <button type="button" className="rounded border border-slate-300 px-3 py-1 text-sm" onClick={() => lifecycle.mutate('archive')}>
                Archive
              </button>
            )}
            {product.status !== 'ACTIVE' && (
              <ConfirmButton label="Delete" accessibleName={`Delete ${product.name}`} question={`Delete ${product.name}? This cannot be undone.`} onConfirm={() => lifecycle.mutate('delete')} />
            )}
          </div>
        )}
      </div>

      {conflict && (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded border border-amber-400 bg-amber-50 px-4 py-3 text-sm">
          <p className="font-medium">Someone else saved this product first.</p>
          <p>Reload to see their changes (yours here are replaced), then make your edit again.</p>
          <button type="button" onClick={() => void reload()} className="rounded bg-amber-700 px-3 py-1 text-white">
            Reload
          </button>
        </div>
      )}
      <ErrorMessage error={lifecycle.error && conflictVersion(lifecycle.error) === null ? lifecycle.error : null} />
      {general.length > 0 && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p className="font-medium">The product was not saved.</p>
          <ul className="list-disc pl-5">
            {general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}

      <form noValidate onSubmit={form.handleSubmit((submitted) => save.mutate(submitted))} aria-label="Product" className="space-y-6">
        <fieldset disabled={!canWrite} className="space-y-6">
          <section aria-labelledby="basics-heading" className="grid gap-4 md:grid-cols-2">
            <h2 id="basics-heading" className="sr-only">
              Basics
            </h2>
            <Field label="Title" error={fieldError('title')}>
              <input {...register('title')} className={text} />
            </Field>
            <Field label="Slug" error={fieldError('slug')} hint="Lower-case letters, digits and hyphens; the product's address.">
              <input {...register('slug', { onChange: () => (slugTouched.current = true) })} className={text} />
            </Field>
            <Field label="Brand" error={fieldError('brand')}>
              <input {...register('brand')} className={text} />
            </Field>
            <Field label="Product type" error={fieldError('productType')}>
              <input {...register('productType')} className={text} />
            </Field>
            <Field label="Tags" error={fieldError('tags')} hint="Separated by commas.">
              <input {...register('tags')} className={text} />
            </Field>
          </section>

          <section aria-labelledby={descriptionLabel} className="space-y-1">
            <h2 id={descriptionLabel} className="text-sm font-medium">
              Description
            </h2>
            <RichTextEditor
              id="product-description"
              labelledBy={descriptionLabel}
              value={values.description}
              onChange={(html) => setValue('description', html, { shouldDirty: true })}
            />
            {fieldError('description') && <p className="text-sm text-red-700">{fieldError('description')}</p>}
          </section>

          <section aria-labelledby="status-heading" className="grid gap-4 md:grid-cols-3">
            <h2 id="status-heading" className="text-lg font-semibold md:col-span-3">
              Status and schedule
            </h2>
            <Field label="Status" error={fieldError('status')}>
              <select {...register('status')} className={text}>
                <option value="DRAFT">Draft</option>
                <option value="ACTIVE">Active</option>
                <option value="ARCHIVED">Archived</option>
              </select>
            </Field>
            <Field label="Publish at" error={fieldError('publishAt')} hint="Empty: as soon as it is active.">
              <input type="datetime-local" {...register('publishAt')} className={text} />
            </Field>
            <Field label="Unpublish at" error={fieldError('unpublishAt')} hint="Empty: stays on sale.">
              <input type="datetime-local" {...register('unpublishAt')} className={text} />
            </Field>
          </section>

          <section aria-labelledby="categories-heading" className="space-y-2">
            <h2 id="categories-heading" className="text-lg font-semibold">
              Categories
            </h2>
            <ErrorMessage error={categories.error} />
            <CategoryPicker
              lines={categories.data?.lines ?? []}
              selected={values.categories}
              primary={values.primaryCategory}
              onChange={(selected, primary) => {
                setValue('categories', selected, { shouldDirty: true });
                setValue('primaryCategory', primary, { shouldDirty: true });
              }}
            />
            {values.categories.length > 0 && categories.data && (
              <p className="text-sm text-slate-600">
                Breadcrumbs follow {categoryPath(categories.data.lines, categories.data.lines.find((line) => line.slug === (values.primaryCategory || values.categories[0]))?.id ?? '')}.
              </p>
            )}
            {fieldError('categories') && <p className="text-sm text-red-700">{fieldError('categories')}</p>}
          </section>

          <VariantMatrix form={form} skuStem={values.slug.toUpperCase().slice(0, 24)} fieldError={fieldError} />

          <section aria-labelledby="seo-heading" className="grid gap-4 md:grid-cols-2">
            <h2 id="seo-heading" className="text-lg font-semibold md:col-span-2">
              Search engine listing
            </h2>
            <div className="space-y-3">
              <Field label="SEO title" error={fieldError('seoTitle')} hint={preview.titleHint} warn={preview.titleTooLong}>
                <input {...register('seoTitle')} maxLength={SEO_TITLE_MAX + 20} className={text} />
              </Field>
              <Field label="SEO description" error={fieldError('seoDescription')} hint={preview.descriptionHint} warn={preview.descriptionTooLong}>
                <textarea {...register('seoDescription')} rows={4} maxLength={SEO_DESCRIPTION_MAX + 40} className={text} />
              </Field>
            </div>
            <SeoPreview
              seoTitle={values.seoTitle}
              seoDescription={values.seoDescription}
              title={values.title}
              descriptionHtml={values.description}
              slug={values.slug}
              storeHost={session.data?.merchantName ?? 'Your store'}
            />
          </section>
        </fieldset>

        {canWrite && (
          <div className="sticky bottom-0 flex items-center gap-3 border-t border-slate-200 bg-slate-50 py-3">
            <button type="submit" disabled={save.isPending} className="rounded bg-slate-800 px-4 py-2 text-white disabled:opacity-50">
              {save.isPending ? 'Saving…' : product ? 'Save' : 'Create product'}
            </button>
            {formState.isDirty && <span className="text-sm text-amber-700">Unsaved changes</span>}
            {saved && !formState.isDirty && (
              <span role="status" className="text-sm text-green-800">
                {saved}
              </span>
            )}
          </div>
        )}
      </form>

      {product ? (
        <MediaPanel
          productId={product.id}
          slug={product.slug}
          canWrite={canWrite}
          variants={product.variants.map((variant) => ({ id: variant.id, title: variant.title || variantTitle(variant.options.map((option) => option.value)) }))}
        />
      ) : (
        <p className="text-sm text-slate-600">Images can be added once the product is created.</p>
      )}

      <Dialog title="Leave without saving?" open={blocker.state === 'blocked'} onClose={() => blocker.reset?.()}>
        <p>Your changes to this product are not saved yet.</p>
        <div className="flex gap-2">
          <button type="button" onClick={() => blocker.proceed?.()} className="rounded bg-red-700 px-3 py-1.5 text-white">
            Leave and discard
          </button>
          <button type="button" autoFocus onClick={() => blocker.reset?.()} className="rounded border border-slate-300 px-3 py-1.5">
            Stay
          </button>
        </div>
      </Dialog>
    </section>
  );
}

/** A labelled field with its hint and its error, tied to the input for assistive technology. */
function Field({ label, error, hint, warn, children }: { label: string; error?: string; hint?: string; warn?: boolean; children: ReactElement<Record<string, unknown>> }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <FieldControl id={id} describedBy={described} invalid={Boolean(error)}>
        {children}
      </FieldControl>
      {hint && (
        <p id={`${id}-hint`} className={`text-xs ${warn ? 'text-red-700' : 'text-slate-500'}`}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function FieldControl({ id, describedBy, invalid, children }: { id: string; describedBy?: string; invalid: boolean; children: ReactElement<Record<string, unknown>> }) {
  return cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined });
}
