import type { Availability } from '@/lib/catalog';

export function availabilityText(availability: Pick<Availability, 'inStock'>): string {
  return availability.inStock ? 'In stock' : 'Out of stock';
}

export function AvailabilityLabel({ availability }: { availability: Pick<Availability, 'inStock'> }) {
  return (
    <span
      data-testid="availability"
      data-in-stock={availability.inStock}
      className={
        'inline-flex items-center gap-1.5 text-sm font-medium ' +
        (availability.inStock ? 'text-emerald-700' : 'text-slate-500')
      }
    >
      <span
        aria-hidden="true"
        className={'h-2 w-2 rounded-full ' + (availability.inStock ? 'bg-emerald-500' : 'bg-slate-400')}
      />
      {availabilityText(availability)}
    </span>
  );
}
