import { useInfiniteQuery } from '@tanstack/react-query';
import { identityApi } from '../api/client';
import type { SecurityEvent } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime, humanize } from '../format';

const PAGE_SIZE = 50;

/** The merchant's security events, newest first, a page at a time (each page continues before the last event shown). */
export function SecurityLogPage() {
  const events = useInfiniteQuery({
    queryKey: ['security-events'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      identityApi<SecurityEvent[]>(`security-events?limit=${PAGE_SIZE}${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (page) => (page.length === PAGE_SIZE ? page[page.length - 1]!.occurredAt : null),
  });

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Security log</h1>
      {events.isPending && <p className="text-slate-500">Loading events…</p>}
      <ErrorMessage error={events.error} />
      {events.data && (
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th className="p-2">When</th>
              <th className="p-2">What</th>
              <th className="p-2">Who</th>
              <th className="p-2">From where</th>
            </tr>
          </thead>
          <tbody>
            {events.data.pages.flat().map((event) => (
              <tr key={event.id} className="border-b border-slate-100 align-top">
                <td className="whitespace-nowrap p-2">{formatDateTime(event.occurredAt)}</td>
                <td className="p-2">
                  {humanize(event.kind)}
                  {event.detail && <span className="block text-slate-600">{event.detail}</span>}
                </td>
                <td className="p-2">
                  {event.email}
                  {event.actorEmail && event.actorEmail !== event.email && (
                    <span className="block text-slate-600">by {event.actorEmail}</span>
                  )}
                </td>
                <td className="p-2" title={event.userAgent ?? undefined}>
                  {event.clientAddress ?? 'unknown'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {events.data?.pages.flat().length === 0 && <p className="text-sm text-slate-600">No events yet.</p>}
      {events.hasNextPage && (
        <button
          type="button"
          onClick={() => void events.fetchNextPage()}
          disabled={events.isFetchingNextPage}
          className="rounded border border-slate-300 px-4 py-1.5 text-sm"
        >
          {events.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
