/**
 * Mobile and landline numbers, bank card and resident ID numbers, however they are written:
 * 138 1234 5678, 138-1234-5678, +86 138…, 一三八一二三四五六七八, 幺三八…, mixed 138一二三四5678.
 *
 * The folded text is cut into digit runs: digits (ASCII or Chinese 零〇一幺壹二两贰…九玖) joined by
 * at most three separators (spaces, - . _ / * , 、 parentheses, 丶). A run is a list of groups (the
 * digits between separators). A number is a range of whole groups whose digits match one of the
 * shapes; a range may stop inside a run only between two groups that both look like parts of
 * numbers (two digits or more each), or next to a group of seven digits or more — so a phone number
 * inside a longer digit run, or spelled out digit by digit with one digit too many, is not one.
 */
import { isBankCardNumber, isResidentIdNumber } from './checksums.js';
import type { Normalised } from './normalise.js';

export type NumberKind = 'mobile' | 'landline' | 'bank_card' | 'id_card';
export type NumberHit = { kind: NumberKind; start: number; end: number; value: string };

// Per unit: its digit 0–9, SEPARATOR, or -1 (anything else ends a run).
const SEPARATOR = 10;
const CLASS = new Int8Array(0x10000).fill(-1);
for (const [digit, chars] of [
  '0零〇',
  '1一幺壹',
  '2二两贰',
  '3三叁',
  '4四肆',
  '5五伍',
  '6六陆',
  '7七柒',
  '8八捌',
  '9九玖',
].map((s) => [Number(s[0]), s] as const)) {
  for (const c of chars) CLASS[c.charCodeAt(0)] = digit;
}
for (const c of ' \t-._/\\*|~·•—–−,、()丶') CLASS[c.charCodeAt(0)] = SEPARATOR;
const MAX_SEPARATORS = 3;
const LONGEST = 19;
const X = 0x78;
const DIGIT_CHARS = '0123456789';

type Group = { digits: string; from: number; to: number };
type Run = { groups: Group[]; plus: number };

const isWordUnit = (u: number | undefined) => u !== undefined && ((u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39));

function runsOf(units: Uint16Array): Run[] {
  const runs: Run[] = [];
  let groups: Group[] = [];
  let plus = -1;
  let group: Group | null = null;
  let separators = 0;
  const close = () => {
    if (group) groups.push(group);
    if (groups.length > 0) runs.push({ groups, plus });
    groups = [];
    group = null;
    separators = 0;
  };
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as number;
    const cls = CLASS[u] as number;
    const isDigit = cls >= 0 && cls < SEPARATOR;
    if (!isDigit && !group && groups.length === 0) continue; // the common case: outside any run
    if (isDigit) {
      if (!group) {
        if (groups.length === 0) plus = i > 0 && units[i - 1] === 0x2b ? i - 1 : -1;
        group = { digits: '', from: i, to: i };
      }
      group.digits += DIGIT_CHARS[cls];
      group.to = i + 1;
      separators = 0;
      continue;
    }
    if (group && u === X && !isWordUnit(units[i + 1])) {
      // The check character of an ID number ends its run.
      group.digits += 'x';
      group.to = i + 1;
      close();
      continue;
    }
    if (cls === SEPARATOR && separators < MAX_SEPARATORS) {
      if (group) groups.push(group);
      group = null;
      separators++;
      continue;
    }
    close();
  }
  close();
  return runs;
}

function kindOf(digits: string): { kind: NumberKind; value: string; prefixed: boolean } | null {
  if (digits.length === 18 && isResidentIdNumber(digits)) return { kind: 'id_card', value: digits, prefixed: false };
  if (/^1[3-9]\d{9}$/.test(digits)) return { kind: 'mobile', value: digits, prefixed: false };
  if (/^(?:00)?861[3-9]\d{9}$/.test(digits)) return { kind: 'mobile', value: digits.slice(-11), prefixed: true };
  if (/^(?:010|02\d)[1-9]\d{7}$/.test(digits) || /^0[3-9]\d{2}[1-9]\d{6,7}$/.test(digits)) {
    return { kind: 'landline', value: digits, prefixed: false };
  }
  if (isBankCardNumber(digits)) return { kind: 'bank_card', value: digits, prefixed: false };
  return null;
}

const canCut = (left: Group, right: Group) =>
  (left.digits.length >= 2 && right.digits.length >= 2) || left.digits.length >= 7 || right.digits.length >= 7;

type Candidate = { first: number; last: number; length: number; hit: NumberHit };

function numbersInRun(run: Run, n: Normalised): NumberHit[] {
  const groups = run.groups;
  const candidates: Candidate[] = [];
  for (let first = 0; first < groups.length; first++) {
    if (first > 0 && !canCut(groups[first - 1] as Group, groups[first] as Group)) continue;
    let digits = '';
    for (let last = first; last < groups.length; last++) {
      digits += (groups[last] as Group).digits;
      if (digits.length > LONGEST) break;
      if (last < groups.length - 1 && !canCut(groups[last] as Group, groups[last + 1] as Group)) continue;
      const found = kindOf(digits);
      if (!found) continue;
      const from = found.prefixed && first === 0 && run.plus >= 0 ? run.plus : (groups[first] as Group).from;
      const to = (groups[last] as Group).to;
      candidates.push({
        first,
        last,
        length: digits.length,
        hit: { kind: found.kind, ...n.span(from, to), value: found.value },
      });
    }
  }
  // The longest readings win; the rest of the run may still hold other numbers.
  candidates.sort((a, b) => b.length - a.length || a.first - b.first);
  const taken = new Uint8Array(groups.length);
  const hits: NumberHit[] = [];
  for (const c of candidates) {
    if (taken.subarray(c.first, c.last + 1).some((t) => t === 1)) continue;
    taken.fill(1, c.first, c.last + 1);
    hits.push(c.hit);
  }
  return hits;
}

/** Phone, card and ID numbers in a text folded for detectors (foldForDetectors). */
export function detectNumbers(n: Normalised): NumberHit[] {
  const hits: NumberHit[] = [];
  for (const run of runsOf(n.units)) hits.push(...numbersInRun(run, n));
  return hits;
}
