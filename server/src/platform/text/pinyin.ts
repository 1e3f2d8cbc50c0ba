/** Pinyin keys for Chinese names: sorting (张三 → "zhang san") and search by initials ("zs"). */
import { pinyin } from 'pinyin-pro';

export type PinyinKeys = { pinyin: string; initials: string };

/** Full pinyin (space-separated syllables, lowercase, no tones) and the initials of a name. */
export function pinyinKeys(text: string): PinyinKeys {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const full = syllables.map((s) => s.toLowerCase().trim()).filter(Boolean);
  return {
    pinyin: full.join(' '),
    initials: full.map((s) => s[0]).join(''),
  };
}
