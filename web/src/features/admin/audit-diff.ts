/**
 * Before/after snapshots of an audit entry as readable key/value rows: nested objects become
 * dotted keys, and lists of plain values say which items were added and removed.
 */

export type DiffChange = 'added' | 'removed' | 'changed' | 'unchanged';

export type DiffRow = {
  key: string;
  before: unknown;
  after: unknown;
  change: DiffChange;
  /** For lists of plain values: the items only `after` has, and those only `before` has. */
  addedItems?: string[];
  removedItems?: string[];
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isPlain = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** Leaf values by dotted key; a non-object snapshot is one leaf under the empty key. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isRecord(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  const emptyTop = prefix === '' && (value === null || isRecord(value));
  if (value === undefined || emptyTop) return;
  out.set(prefix, value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  flatten(before, '', b);
  flatten(after, '', a);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.map((key) => {
    const hasBefore = b.has(key);
    const hasAfter = a.has(key);
    const beforeValue = b.get(key);
    const afterValue = a.get(key);
    const change: DiffChange = !hasBefore
      ? 'added'
      : !hasAfter
        ? 'removed'
        : same(beforeValue, afterValue)
          ? 'unchanged'
          : 'changed';
    const row: DiffRow = { key, before: beforeValue, after: afterValue, change };
    if (change === 'changed' && Array.isArray(beforeValue) && Array.isArray(afterValue)) {
      const was = beforeValue.filter(isPlain).map(String);
      const now = afterValue.filter(isPlain).map(String);
      row.addedItems = now.filter((x) => !was.includes(x));
      row.removedItems = was.filter((x) => !now.includes(x));
    }
    return row;
  });
}

/** Text for a value that is not empty or a yes/no (the page translates those). */
export function valueText(value: unknown): string {
  if (isPlain(value)) return String(value);
  if (Array.isArray(value)) return value.map(itemText).join('、');
  return JSON.stringify(value);
}

function itemText(item: unknown): string {
  if (isPlain(item)) return String(item);
  if (isRecord(item) && typeof item.name === 'string') return item.name;
  return JSON.stringify(item);
}
