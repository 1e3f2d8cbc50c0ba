import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapColumns } from './columns.js';
import { departmentResolver, parseImportDate, supervisorsFirst, type ValidRow, validateRows } from './validate-rows.js';

const departments = [
  { id: 'root', parent_id: null, name: '总部' },
  { id: 'east', parent_id: 'root', name: '华东区' },
  { id: 'sh1', parent_id: 'east', name: '一店' },
  { id: 'south', parent_id: 'root', name: '华南区' },
  { id: 'gz1', parent_id: 'south', name: '一店' },
];

describe('import row validation', () => {
  it('resolves department paths from the root, with or without the root name, and unique names', () => {
    const resolve = departmentResolver(departments);
    expect(resolve('总部/华东区/一店')).toEqual({ id: 'sh1' });
    expect(resolve('华南区/一店')).toEqual({ id: 'gz1' });
    expect(resolve('华南区')).toEqual({ id: 'south' });
    expect(resolve('一店')).toEqual({ reason: 'ambiguous' });
    expect(resolve('华北区')).toEqual({ reason: 'not_found' });
    expect(resolve('')).toEqual({ id: 'root' });
  });

  it('reads dates as ISO text, slashes or Excel serial days, and refuses impossible dates', () => {
    expect(parseImportDate('2024-02-29')).toBe('2024-02-29');
    expect(parseImportDate('2024/3/5')).toBe('2024-03-05');
    expect(parseImportDate('45292')).toBe('2024-01-01');
    expect(parseImportDate('2023-02-29')).toBeNull();
    expect(parseImportDate('昨天')).toBeNull();
  });

  it('orders rows so that every in-file supervisor comes before the rows that report to them', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: 1, maxLength: 30 }), (parents) => {
        // Row i reports to an earlier row (a forest), shuffled by reversing.
        const rows: ValidRow[] = parents.map((p, i) => ({
          line: i + 2,
          name: `n${i}`,
          mobile: null,
          email: null,
          departmentId: 'root',
          title: null,
          joinedOn: null,
          password: null,
          supervisor: i === 0 ? null : { kind: 'row', index: p % i },
        }));
        const reversed = [...rows].reverse().map((r) => {
          const sup = r.supervisor;
          return sup?.kind === 'row'
            ? { ...r, supervisor: { kind: 'row' as const, index: rows.length - 1 - sup.index } }
            : r;
        });
        const order = supervisorsFirst(reversed);
        expect(new Set(order).size).toBe(reversed.length);
        const position = new Map(order.map((index, pos) => [index, pos]));
        reversed.forEach((row, index) => {
          const sup = row.supervisor;
          if (sup?.kind === 'row') expect(position.get(sup.index) ?? -1).toBeLessThan(position.get(index) ?? -1);
        });
      }),
    );
  });

  it('accepts English headers and reports a missing name', () => {
    const columns = mapColumns(['Name', 'Email', 'Department']);
    const result = validateRows([{ line: 2, cells: ['', 'a@example.com', '华东区'] }], columns, {
      orgId: 'o',
      departments,
      managesDepartment: () => true,
      existingByEmail: new Map(),
      existingByMobile: new Map(),
      passwordProblem: () => null,
    });
    expect(result.errors).toEqual([expect.objectContaining({ line: 2, field: 'name', reason: 'required' })]);
    expect(() => mapColumns(['手机'])).toThrow(/姓名/);
  });
});
