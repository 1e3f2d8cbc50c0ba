/**
 * The list's filters ⇄ the page's URL (so a filtered list can be shared and survives a reload),
 * and the query string the export sends for the same filters.
 */
import type { CustomerFilter } from '../api';

const SOURCES = ['manual', 'import', 'contact_link'] as const;
type Source = (typeof SOURCES)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ids = (text: string | null): string[] | undefined => {
  const list = (text ?? '').split(',').filter((id) => UUID.test(id));
  return list.length > 0 ? [...new Set(list)] : undefined;
};
const id = (text: string | null): string | undefined => (text && UUID.test(text) ? text : undefined);

export function filterFromParams(params: URLSearchParams): CustomerFilter {
  const source = params.get('source');
  const filter: CustomerFilter = {
    q: params.get('q')?.trim() || undefined,
    tagsAll: ids(params.get('all')),
    tagsAny: ids(params.get('any')),
    tagsNone: ids(params.get('none')),
    stageId: id(params.get('stage')),
    ownerId: id(params.get('owner')),
    source: SOURCES.includes(source as Source) ? (source as Source) : undefined,
    sort: params.get('sort') === 'updated' ? 'updated' : undefined,
    deleted: params.get('deleted') === '1' ? true : undefined,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as CustomerFilter;
}

export function paramsFromFilter(filter: CustomerFilter): URLSearchParams {
  const out = new URLSearchParams();
  const set = (key: string, value: string | undefined) => {
    if (value) out.set(key, value);
  };
  set('q', filter.q);
  set('all', filter.tagsAll?.join(','));
  set('any', filter.tagsAny?.join(','));
  set('none', filter.tagsNone?.join(','));
  set('stage', filter.stageId);
  set('owner', filter.ownerId);
  set('source', filter.source);
  set('sort', filter.sort === 'updated' ? 'updated' : undefined);
  set('deleted', filter.deleted ? '1' : undefined);
  return out;
}

/** The export's query string: the list's filters (tags repeated per id) and the format. */
export function exportSearch(filter: CustomerFilter, format: 'csv' | 'xlsx'): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'sort' || value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) out.append(key, String(v));
    else out.set(key, String(value));
  }
  out.set('format', format);
  return out.toString();
}

/** Whether any filter narrows the list (an empty result then says "no match", not "no customers"). */
export function isFiltered(filter: CustomerFilter): boolean {
  return Object.entries(filter).some(([key, v]) => key !== 'sort' && key !== 'deleted' && v !== undefined);
}
