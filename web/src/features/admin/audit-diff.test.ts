import { describe, expect, it } from 'vitest';
import { diffRows, valueText } from './audit-diff';

describe('diffRows', () => {
  it('lists a created object’s fields as added', () => {
    expect(diffRows(null, { name: '店长', requireTotp: false })).toEqual([
      { key: 'name', before: undefined, after: '店长', change: 'added' },
      { key: 'requireTotp', before: undefined, after: false, change: 'added' },
    ]);
  });

  it('lists a deleted object’s fields as removed', () => {
    expect(diffRows({ name: 'x' }, undefined)).toEqual([
      { key: 'name', before: 'x', after: undefined, change: 'removed' },
    ]);
  });

  it('marks changed and unchanged fields and flattens nested objects', () => {
    const rows = diffRows(
      { name: 'a', settings: { requireTotp: false }, dataScope: 'org' },
      { name: 'b', settings: { requireTotp: true }, dataScope: 'org' },
    );
    expect(rows.map((r) => [r.key, r.change])).toEqual([
      ['name', 'changed'],
      ['settings.requireTotp', 'changed'],
      ['dataScope', 'unchanged'],
    ]);
  });

  it('says which list items were added and removed', () => {
    const [row] = diffRows(
      { permissions: ['member.view', 'audit.view'] },
      { permissions: ['member.view', 'data.export'] },
    );
    expect(row).toMatchObject({ change: 'changed', addedItems: ['data.export'], removedItems: ['audit.view'] });
  });

  it('keeps null values as fields and a plain snapshot under the empty key', () => {
    expect(diffRows({ title: null }, { title: '店员' })[0]).toMatchObject({ key: 'title', change: 'changed' });
    expect(diffRows(undefined, 'x')).toEqual([{ key: '', before: undefined, after: 'x', change: 'added' }]);
    expect(diffRows(undefined, undefined)).toEqual([]);
    expect(diffRows({}, {})).toEqual([]);
  });
});

describe('valueText', () => {
  it('joins lists and names objects', () => {
    expect(valueText(['a', 'b'])).toBe('a、b');
    expect(valueText([{ id: '1', name: '管理员' }, { id: '2' }])).toBe('管理员、{"id":"2"}');
    expect(valueText(3)).toBe('3');
  });
});
