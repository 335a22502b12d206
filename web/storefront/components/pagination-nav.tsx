import Link from 'next/link';
import { pageHref } from '@/lib/pagination';

interface PaginationNavProps {
  pathname: string;
  /** Cursor of the page being shown; absent on the first page. */
  currentCursor?: string;
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Cursor pagination can only step forward; "First page" is the way back. */
export function PaginationNav({ pathname, currentCursor, hasNextPage, endCursor }: PaginationNavProps) {
  if (!currentCursor && !hasNextPage) return null;
  return (
    <nav aria-label="Pagination" className="mt-8 flex items-center justify-between gap-4">
      {currentCursor ? (
        <Link data-testid="first-page" href={pageHref(pathname)} className="font-medium text-brand-600 hover:text-brand-700">
          ← First page
        </Link>
      ) : (
        <span />
      )}
      {hasNextPage && endCursor ? (
        <Link
          data-testid="next-page"
          rel="next"
          href={pageHref(pathname, endCursor)}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          Next page →
        </Link>
      ) : null}
    </nav>
  );
}
