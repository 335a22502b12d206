import { GraphQLRequestError } from '../api/graphql';

/**
 * Where a refused save's field messages go on the product form. The platform keys them as its REST API names
 * them ("name", "variants[0].sku", "seoTitle"); the form names its fields in its own way ("title",
 * "variants.0.sku"). A message for a field the form does not show is kept for the form's top.
 */
const renamed: Record<string, string> = {
  name: 'title',
  categorySlug: 'categories',
  categorySlugs: 'categories',
  priceAmount: 'price',
  compareAtPriceAmount: 'compareAtPrice',
  costAmount: 'cost',
};

const formFields = new Set([
  'title',
  'slug',
  'description',
  'brand',
  'productType',
  'tags',
  'status',
  'publishAt',
  'unpublishAt',
  'seoTitle',
  'seoDescription',
  'categories',
  'options',
]);
const variantFields = new Set(['sku', 'price', 'compareAtPrice', 'cost', 'weightGrams', 'barcode', 'title', 'options']);

export interface PlacedErrors {
  /** Form field path ("title", "variants.2.sku", "options.0.name") to its message. */
  fields: Record<string, string>;
  /** Messages with no field of the form to stand by. */
  general: string[];
}

export function formFieldFor(platformField: string): string | null {
  const camel = platformField.replace(/^(\w)/, (letter) => letter.toLowerCase());
  const variant = /^variants\[(\d+)\]\.(\w+)/.exec(camel);
  if (variant) {
    const field = renamed[variant[2]!] ?? variant[2]!;
    return variantFields.has(field) ? `variants.${variant[1]}.${field}` : null;
  }
  const option = /^options\[(\d+)\]\.(\w+)/.exec(camel);
  if (option) return option[2] === 'name' ? `options.${option[1]}.name` : `options.${option[1]}.values`;
  const top = camel.split(/[.[]/)[0]!;
  const field = renamed[top] ?? top;
  return formFields.has(field) ? field : null;
}

/** Places a failed save's messages: field errors by their fields, everything else at the top. */
export function placeErrors(error: unknown): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, general: [] };
  if (!(error instanceof GraphQLRequestError)) {
    placed.general.push(error instanceof Error ? error.message : 'Saving failed.');
    return placed;
  }
  const fields = error.fieldErrors;
  for (const [platformField, messages] of Object.entries(fields)) {
    const field = formFieldFor(platformField);
    if (field) placed.fields[field] = messages.join(' ');
    else placed.general.push(...messages.map((message) => `${platformField}: ${message}`));
  }
  if (Object.keys(fields).length === 0) placed.general.push(error.message);
  return placed;
}
