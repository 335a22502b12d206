import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { arrayMove, rectSortingStrategy, SortableContext, sortableKeyboardCoordinates, useSortable } from '@dnd-kit/sortable';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { gql } from '../../api/graphql';
import { postForm } from '../../api/upload';
import { ErrorMessage } from '../ErrorMessage';
import {
  ProductMediaDeleteDocument,
  ProductMediaDocument,
  ProductMediaReorderDocument,
  ProductMediaUpdateDocument,
  ProductVariantImageSetDocument,
  type ProductMediaItemFragment,
} from '../../gql/graphql';

export const mediaKey = (productId: string) => ['product-media', productId] as const;

/** Images the platform takes (it checks them again, and makes the renditions). */
const ACCEPTED = 'image/png,image/jpeg,image/webp,image/gif';

/**
 * The product's images: upload several at once, drag (or move with the keyboard: focus the handle, Space, arrows,
 * Space) to set their order, describe each for people who cannot see it, delete, and choose a variant's image.
 */
export function MediaPanel({ productId, slug, variants, canWrite }: { productId: string; slug: string; variants: { id: string; title: string }[]; canWrite: boolean }) {
  const queries = useQueryClient();
  const media = useQuery({ queryKey: mediaKey(productId), queryFn: () => gql(ProductMediaDocument, { id: productId }) });
  const files = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const refresh = () => queries.invalidateQueries({ queryKey: mediaKey(productId) });

  const upload = useMutation({
    mutationFn: async (chosen: File[]) => {
      for (const [index, file] of chosen.entries()) {
        setProgress(`Uploading ${index + 1} of ${chosen.length}: ${file.name}`);
        await postForm(`/bff/api/catalog/products/${encodeURIComponent(slug)}/media`, { file, alt: '' });
      }
    },
    onSettled: async () => {
      setProgress(null);
      if (files.current) files.current.value = '';
      await refresh();
    },
  });
  const reorder = useMutation({
    mutationFn: (mediaIds: string[]) => gql(ProductMediaReorderDocument, { productId, mediaIds }),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => gql(ProductMediaDeleteDocument, { id }), onSettled: refresh });
  const describe = useMutation({ mutationFn: (change: { id: string; alt: string }) => gql(ProductMediaUpdateDocument, change), onSettled: refresh });
  const setVariantImage = useMutation({
    mutationFn: (change: { variantId: string; mediaId: string | null }) => gql(ProductVariantImageSetDocument, change),
    onSettled: refresh,
  });

  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const items = [...(media.data?.adminProduct?.media ?? [])].sort((a, b) => a.position - b.position);
  const [order, setOrder] = useState<string[] | null>(null);
  const shown = order ? order.map((id) => items.find((item) => item.id === id)).filter((item): item is ProductMediaItemFragment => Boolean(item)) : items;

  const onDragEnd = (event: DragEndEvent) => {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const ids = shown.map((item) => item.id);
    const next = arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    setOrder(next);
    setAnnouncement(`Image moved to position ${next.indexOf(String(active.id)) + 1} of ${next.length}.`);
    reorder.mutate(next, { onSettled: () => setOrder(null) });
  };

  const variantImages = new Map((media.data?.adminProduct?.variants ?? []).map((variant) => [variant.id, variant.image?.id ?? '']));

  return (
    <section aria-labelledby="media-heading" className="space-y-3">
      <h2 id="media-heading" className="text-lg font-semibold">
        Media
      </h2>
      {canWrite && (
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex flex-col text-sm">
            Upload images
            <input
              ref={files}
              type="file"
              accept={ACCEPTED}
              multiple
              disabled={upload.isPending}
              onChange={(event) => {
                const chosen = [...(event.target.files ?? [])];
                if (chosen.length > 0) upload.mutate(chosen);
              }}
              className="mt-1 text-sm"
            />
          </label>
          {progress && (
            <p role="status" className="text-sm text-slate-600">
              {progress}
            </p>
          )}
        </div>
      )}
      <ErrorMessage error={media.error ?? upload.error ?? reorder.error ?? remove.error ?? describe.error ?? setVariantImage.error} />
      <p aria-live="assertive" className="sr-only">
        {announcement}
      </p>
      {media.isSuccess && shown.length === 0 && <p className="text-sm text-slate-600">No images yet.</p>}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={shown.map((item) => item.id)} strategy={rectSortingStrategy}>
          <ol aria-label="Images in display order" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {shown.map((item, index) => (
              <SortableImage
                key={item.id}
                item={item}
                index={index}
                canWrite={canWrite}
                onDescribe={(alt) => describe.mutate({ id: item.id, alt })}
                onDelete={() => remove.mutate(item.id)}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {canWrite && shown.length > 0 && variants.length > 1 && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Variant images</legend>
          {variants.map((variant) => (
            <label key={variant.id} className="flex items-center gap-2 text-sm">
              <span className="w-40">{variant.title}</span>
              <select
                aria-label={`Image of ${variant.title}`}
                value={variantImages.get(variant.id) ?? ''}
                onChange={(event) => setVariantImage.mutate({ variantId: variant.id, mediaId: event.target.value || null })}
                className="rounded border border-slate-300 px-2 py-1"
              >
                <option value="">The product's first image</option>
                {shown.map((item, index) => (
                  <option key={item.id} value={item.id}>
                    Image {index + 1}
                    {item.alt ? `: ${item.alt}` : ''}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}

function SortableImage({ item, index, canWrite, onDescribe, onDelete }: { item: ProductMediaItemFragment; index: number; canWrite: boolean; onDescribe: (alt: string) => void; onDelete: () => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !canWrite });
  const [alt, setAlt] = useState(item.alt);
  const label = `Image ${index + 1}${item.alt ? `: ${item.alt}` : ''}`;
  return (
    <li
      ref={setNodeRef}
      aria-label={label}
      data-media-id={item.id}
      className={`space-y-2 rounded border bg-white p-2 ${isDragging ? 'border-slate-800 shadow-lg' : 'border-slate-200'}`}
      style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition }}
    >
      <img src={item.thumbnail} alt={item.alt} width={160} height={Math.round((160 * item.height) / Math.max(item.width, 1))} className="h-32 w-full object-contain" />
      {canWrite && (
        <>
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={`Move image ${index + 1}`}
            className="w-full cursor-grab rounded border border-slate-300 px-2 py-0.5 text-xs"
          >
            ⠿ Drag to reorder
          </button>
          <label className="flex flex-col text-xs">
            Alt text of image {index + 1}
            <input
              value={alt}
              maxLength={500}
              onChange={(event) => setAlt(event.target.value)}
              onBlur={() => {
                if (alt !== item.alt) onDescribe(alt);
              }}
              className="mt-1 rounded border border-slate-300 px-1 py-0.5"
            />
          </label>
          <button type="button" onClick={onDelete} aria-label={`Delete image ${index + 1}`} className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700">
            Delete
          </button>
        </>
      )}
    </li>
  );
}
