/**
 * Traditional → simplified Chinese, one character at a time, from OpenCC's tables (opencc-js ships
 * them as plain strings: no download at install or run time). Character by character, not phrase
 * by phrase, so every folded character still points at one original character. Taiwan and Hong
 * Kong variant forms (裡, 衞) go through their standard traditional form to the simplified one.
 * Two simplified characters that Taiwan uses for a mainland word also fold to the mainland one:
 * 帐 → 账 (轉帳 is 转账) and 著 → 着 (穿著 is 穿着); text and lexicon fold alike, so 帐篷 still matches 帐篷.
 */
import type { DictGroup, DictLike } from 'opencc-js/core';
import { from, to } from 'opencc-js/preset/t2cn';

function* pairsOf(dict: DictLike): Generator<readonly [string, string]> {
  if (typeof dict !== 'string') {
    yield* dict;
    return;
  }
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    if (space > 0) yield [entry.slice(0, space), entry.slice(space + 1).split(' ')[0] ?? ''];
  }
}

const isOneCodePoint = (s: string) => s.length > 0 && s.length === String.fromCodePoint(s.codePointAt(0) ?? 0).length;

function characterPairs(groups: readonly DictGroup[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups ?? []) {
    for (const dict of group) {
      for (const [source, target] of pairsOf(dict)) {
        if (isOneCodePoint(source) && isOneCodePoint(target) && !map.has(source)) map.set(source, target);
      }
    }
  }
  return map;
}

const REGIONAL: ReadonlyMap<string, string> = new Map([
  ['帐', '账'],
  ['著', '着'],
]);

function buildTable(): ReadonlyMap<string, string> {
  const standard = characterPairs(to.cn);
  const simplifiedForms = new Set(standard.values());
  const table = new Map(standard);
  for (const region of ['tw', 'hk']) {
    for (const [variant, traditional] of characterPairs(from[region])) {
      // 台, 么, 温 are also simplified characters in their own right: leave those alone.
      if (table.has(variant) || simplifiedForms.has(variant)) continue;
      const target = standard.get(traditional) ?? traditional;
      if (target !== variant) table.set(variant, target);
    }
  }
  for (const [source, target] of table) table.set(source, REGIONAL.get(target) ?? target);
  for (const [source, target] of REGIONAL) table.set(source, target);
  // Follow chains (A → B, B → C) to the end, so folding twice changes nothing.
  for (const [source, target] of table) {
    let end = target;
    for (let hops = 0; hops < 4 && table.has(end) && table.get(end) !== end; hops++) end = table.get(end) ?? end;
    table.set(source, end);
  }
  return table;
}

let table: ReadonlyMap<string, string> | null = null;

/** The simplified form of one traditional or variant character (one code point), or the character itself. */
export function simplifiedChar(char: string): string {
  table ??= buildTable();
  return table.get(char) ?? char;
}
