'use client';

import { createContext, useContext, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import type { ProductVariant } from '@/lib/catalog';
import { initialVariant, selectionOf, type OptionSelection } from '@/lib/variants';

interface VariantSelectionState {
  selection: OptionSelection;
  setSelection: Dispatch<SetStateAction<OptionSelection>>;
}

const VariantSelectionContext = createContext<VariantSelectionState | null>(null);

function initialSelection(variants: readonly ProductVariant[]): OptionSelection {
  const first = initialVariant(variants);
  return first ? selectionOf(first) : {};
}

/** The shopper's chosen options, shared by the product page's parts that follow them (the selector, the gallery). */
export function VariantSelectionProvider({ variants, children }: { variants: ProductVariant[]; children: ReactNode }) {
  const [selection, setSelection] = useState<OptionSelection>(() => initialSelection(variants));
  return <VariantSelectionContext.Provider value={{ selection, setSelection }}>{children}</VariantSelectionContext.Provider>;
}

/** The shared selection inside a provider; on its own (a selector without a gallery) a selection of its own. */
export function useVariantSelection(variants: readonly ProductVariant[]): VariantSelectionState {
  const shared = useContext(VariantSelectionContext);
  const [selection, setSelection] = useState<OptionSelection>(() => initialSelection(variants));
  return shared ?? { selection, setSelection };
}
