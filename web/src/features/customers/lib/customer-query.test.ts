import { describe, expect, it } from 'vitest';
import { exportSearch, filterFromParams, isFiltered, paramsFromFilter } from './customer-query';

const A = '0190f5a0-0000-7000-8000-000000000001';
const B = '0190f5a0-0000-7000-8000-000000000002';

describe('customer list filters in the URL', () => {
  it('round-trips every filter', () => {
    const filter = {
      q: '张',
      tagsAll: [A],
      tagsAny: [A, B],
      tagsNone: [B],
      stageId: A,
      ownerId: B,
      source: 'import' as const,
      sort: 'updated' as const,
      deleted: true,
    };
    expect(filterFromParams(paramsFromFilter(filter))).toEqual(filter);
  });

  it('drops malformed ids and unknown values instead of sending a bad request', () => {
    const params = new URLSearchParams({ all: `${A},nope`, stage: 'x', source: 'fax', sort: 'random' });
    expect(filterFromParams(params)).toEqual({ tagsAll: [A] });
  });

  it('repeats tag ids in the export query and leaves out the sort', () => {
    const search = exportSearch({ tagsAny: [A, B], sort: 'updated', q: '华' }, 'xlsx');
    expect(new URLSearchParams(search).getAll('tagsAny')).toEqual([A, B]);
    expect(search).not.toContain('sort');
    expect(new URLSearchParams(search).get('format')).toBe('xlsx');
  });

  it('tells a filtered list from the plain one', () => {
    expect(isFiltered({ sort: 'updated' })).toBe(false);
    expect(isFiltered({ stageId: A })).toBe(true);
  });
});
