import { describe, expect, it } from 'vitest';
import { NAMESPACES } from './namespaces';

/** Every leaf key path of a messages object, e.g. "errors.invalid". */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keyPaths(v, prefix ? `${prefix}.${k}` : k),
  );
}

function placeholders(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string')
    return {
      [prefix]: [...value.matchAll(/\{\{(\w+)\}\}/g)]
        .map((m) => m[1])
        .sort()
        .join(','),
    };
  return Object.assign(
    {},
    ...Object.entries(value as Record<string, unknown>).map(([k, v]) => placeholders(v, prefix ? `${prefix}.${k}` : k)),
  );
}

describe.each(Object.entries(NAMESPACES))('translations of %s', (_ns, messages) => {
  it('has the same keys in Chinese and English', () => {
    expect(keyPaths(messages.en).sort()).toEqual(keyPaths(messages['zh-CN']).sort());
  });
  it('uses the same placeholders in both languages', () => {
    expect(placeholders(messages.en)).toEqual(placeholders(messages['zh-CN']));
  });
  it('has no empty texts', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const empty = keyPaths(messages[lang]).filter((path) => {
        const text = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages[lang]);
        return typeof text !== 'string' || text.trim() === '';
      });
      expect(empty, lang).toEqual([]);
    }
  });
});
