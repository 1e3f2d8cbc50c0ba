/** Archive search reads: a page of hits per cursor, a conversation replay window, members to filter by, and export downloads. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getToken } from '../../app/auth/token-store';
import { toApiError } from '../../lib/api/api-error';
import { api, unwrap } from '../../lib/api/client';
import { filenameFromDisposition } from '../../lib/api/content-disposition';
import { type ArchiveQuery, hasCriteria, searchParams } from './search-query';

const PAGE_SIZE = 20;

const fetchHits = (query: ArchiveQuery, cursor: string | undefined) =>
  unwrap(api.GET('/api/v1/archive/search', { params: { query: { ...query, cursor, limit: PAGE_SIZE } } }));

export type ArchiveHit = Awaited<ReturnType<typeof fetchHits>>['items'][number];

export function useArchiveHits(query: ArchiveQuery, cursor: string | undefined) {
  return useQuery({
    queryKey: ['archive-search', 'hits', query, cursor ?? null],
    queryFn: () => fetchHits(query, cursor),
    enabled: hasCriteria(query),
    placeholderData: keepPreviousData,
    // Every search is audited: do not repeat it on focus or remount.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export type ReplayWindow = { around?: number; before: number; after: number };

const fetchReplay = (conversationId: string, window: ReplayWindow, q: string | undefined) =>
  unwrap(
    api.GET('/api/v1/archive/conversations/{id}', {
      params: { path: { id: conversationId }, query: { ...window, q: q || undefined } },
    }),
  );

export type ConversationReplay = Awaited<ReturnType<typeof fetchReplay>>;
export type ReplayItem = ConversationReplay['items'][number];

export function useConversationReplay(conversationId: string | null, window: ReplayWindow, q: string | undefined) {
  return useQuery({
    queryKey: ['archive-search', 'replay', conversationId, window, q ?? ''],
    queryFn: () => fetchReplay(conversationId as string, window, q),
    enabled: conversationId !== null,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export type ExportFormat = 'csv' | 'jsonl' | 'eml' | 'pdf';

export type ExportResult = { filename: string; count: number; truncated: boolean };

/** Downloads an export (search results or one conversation) and saves it under the server's file name. */
export async function downloadExport(
  format: ExportFormat,
  target: { query: ArchiveQuery } | { conversationId: string },
): Promise<ExportResult> {
  const url =
    'conversationId' in target
      ? `/api/v1/archive/conversations/${encodeURIComponent(target.conversationId)}/export?${searchParams({ format })}`
      : `/api/v1/archive/export?${searchParams({ format, ...target.query })}`;
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, { headers });
  } catch {
    throw toApiError(0, { error: { code: 'network', message: 'network error' } });
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
  const blob = await response.blob();
  const filename = filenameFromDisposition(response.headers.get('content-disposition'), `archive.${format}`);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  return {
    filename,
    count: Number(response.headers.get('x-concord-export-count') ?? 0),
    truncated: response.headers.get('x-concord-export-truncated') === 'true',
  };
}
