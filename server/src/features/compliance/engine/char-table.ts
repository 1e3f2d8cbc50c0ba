/**
 * What each character folds to, decided once per process per character: two Int32Array tables over
 * the Basic Multilingual Plane, filled as characters are first met, then one lookup per character.
 * A character folds through: NFKC (full-width ＡＢＣ１２３ → abc123, circled ① → 1, compatibility
 * ideographs), lower case, Cyrillic/Greek look-alikes → Latin (vх with a Cyrillic х is vx), Latin
 * accents dropped, traditional → simplified Chinese. Two views share that fold:
 * - the lexicon view also drops separators — spaces, punctuation, symbols, emoji, controls and the
 *   brush-stroke fillers 丶丿 — so 加 我.微*信 and 加丶我丶微丶信 both read 加我微信;
 * - the detector view keeps them (an e-mail needs its @ and .) and reads 。 as a dot.
 * Both drop what cannot be seen: zero-width and format characters, combining marks, Hangul fillers.
 */
import { simplifiedChar } from './simplified.js';

/** Table value: the character disappears from this view. */
export const DROP = -1;
/** Table value: the character folds to several units, kept in `expansions`. */
export const EXPAND = -2;
/** Table value: half of a surrogate pair; the code point is folded through `foldAstral`. */
export const SURROGATE = -3;
/** Table value: not analysed yet; `learn(unit)` fills the entry (tables fill as characters are met). */
export const UNKNOWN = -4;

export type FoldView = {
  /** Per UTF-16 unit: the folded unit (≥ 0), DROP, EXPAND, SURROGATE or UNKNOWN. */
  readonly unit: Int32Array;
  readonly expansions: ReadonlyMap<number, string>;
  /** The folded form of a code point outside the BMP ('' when it disappears). */
  readonly foldAstral: (codePoint: number) => string;
  /** Fills the entry of a unit still UNKNOWN (in both views). */
  readonly learn: (unit: number) => void;
};

const INVISIBLE = /^[\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0]$/u;
const SEPARATOR = /^[\p{Z}\p{P}\p{S}\p{Cc}丶丿乀乁]$/u;
const LATIN_WITH_MARKS = /^[a-z]\p{M}+$/u;

// Lower-case letters drawn like Latin ones, as they are used to dodge a word list.
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    а: 'a',
    в: 'b',
    е: 'e',
    к: 'k',
    м: 'm',
    н: 'h',
    о: 'o',
    р: 'p',
    с: 'c',
    т: 't',
    у: 'y',
    х: 'x',
    ѕ: 's',
    і: 'i',
    ј: 'j',
    ԁ: 'd',
    һ: 'h',
    ӏ: 'l',
    ԛ: 'q',
    ԝ: 'w',
    α: 'a',
    β: 'b',
    ε: 'e',
    ι: 'i',
    κ: 'k',
    ν: 'v',
    ο: 'o',
    ρ: 'p',
    τ: 't',
    υ: 'u',
    χ: 'x',
  }),
);

// The detector view reads the ideographic full stop as a dot: qq。com is qq.com.
const DETECTOR_SUBSTITUTES: ReadonlyMap<string, string> = new Map([['。', '.']]);

function foldChar(char: string): string {
  let c = LOOK_ALIKES.get(char) ?? char;
  if (c.length === 1 && c.charCodeAt(0) > 0x7f) {
    const decomposed = c.normalize('NFD');
    if (LATIN_WITH_MARKS.test(decomposed)) c = decomposed.charAt(0);
  }
  return simplifiedChar(c);
}

/** The lexicon-view and detector-view folds of one code point. */
function analyse(codePoint: number): readonly [string, string] {
  const char = String.fromCodePoint(codePoint);
  // CJK Unified Ideographs (and extension A) have no compatibility form, case or mark.
  if ((codePoint >= 0x4e00 && codePoint <= 0x9fff) || (codePoint >= 0x3400 && codePoint <= 0x4dbf)) {
    const simplified = simplifiedChar(char);
    return SEPARATOR.test(simplified) ? ['', simplified] : [simplified, simplified];
  }
  let lexicon = '';
  let detector = '';
  for (const part of char.normalize('NFKC').toLowerCase()) {
    const c = foldChar(part);
    if (INVISIBLE.test(c)) continue;
    detector += DETECTOR_SUBSTITUTES.get(c) ?? c;
    if (!SEPARATOR.test(c)) lexicon += c;
  }
  return [lexicon, detector];
}

function encode(folded: string, unit: number, expansions: Map<number, string>): number {
  if (folded === '') return DROP;
  if (folded.length === 1) return folded.charCodeAt(0);
  expansions.set(unit, folded);
  return EXPAND;
}

function astralFolder(which: 0 | 1): (codePoint: number) => string {
  const cache = new Map<number, string>();
  return (codePoint) => {
    let folded = cache.get(codePoint);
    if (folded === undefined) {
      folded = analyse(codePoint)[which];
      if (cache.size < 10_000) cache.set(codePoint, folded);
    }
    return folded;
  };
}

type MutableView = FoldView & { unit: Int32Array; expansions: Map<number, string> };

function emptyView(which: 0 | 1): MutableView {
  const unit = new Int32Array(0x10000).fill(UNKNOWN);
  unit.fill(SURROGATE, 0xd800, 0xe000);
  return { unit, expansions: new Map<number, string>(), foldAstral: astralFolder(which), learn };
}

const lexicon = emptyView(0);
const detector = emptyView(1);

/** Decides both views' entries for one BMP unit; each unit is analysed once per process. */
function learn(unit: number): void {
  const [l, d] = analyse(unit);
  lexicon.unit[unit] = encode(l, unit, lexicon.expansions);
  detector.unit[unit] = encode(d, unit, detector.expansions);
}

/** The lexicon view's table. */
export function lexiconView(): FoldView {
  return lexicon;
}

/** The detector view's table. */
export function detectorView(): FoldView {
  return detector;
}
