/** Audit log reads: one page per cursor, member search for the 操作人 filter, and the CSV download. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getToken } from '../../app/auth/token-store';
import { toApiError } from '../../lib/api/api-error';
import { api, unwrap } from '../../lib/api/client';
import { filenameFromDisposition } from '../../lib/api/content-disposition';
import { type AuditQuery, auditSearchParams } from './audit-query';

const PAGE_SIZE = 50;

const fetchAudit = (query: AuditQuery, cursor: string | undefined) =>
  unwrap(api.GET('/api/v1/audit', { params: { query: { ...query, cursor, limit: PAGE_SIZE } } }));

export type AuditEntry = Awaited<ReturnType<typeof fetchAudit>>['items'][number];

export function useAuditPage(query: AuditQuery, cursor: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'audit', query, cursor ?? null],
    queryFn: () => fetchAudit(query, cursor),
    placeholderData: keepPreviousData,
  });
}

export function useMemberSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'member-search', q],
    queryFn: () => unwrap(api.GET('/api/v1/members', { params: { query: { q: q || undefined, limit: 20 } } })),
    enabled,
    staleTime: 30_000,
  });
}

/** Downloads the CSV for the filters and saves it under the server's file name; resolves to that name. */
export async function downloadAuditCsv(query: AuditQuery): Promise<string> {
  const search = auditSearchParams(query);
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/api/v1/audit/export${search ? `?${search}` : ''}`, { headers });
  } catch {
    throw toApiError(0, { error: { code: 'network', message: 'network error' } });
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
  const blob = await response.blob();
  const filename = filenameFromDisposition(response.headers.get('content-disposition'), 'audit.csv');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return filename;
}
