/**
 * The built-in detectors, apart from any lexicon: contact details and numbers that should not be
 * passed around in a customer chat. Each hit names its kind, its span in the original text and a
 * canonical value (digits only for numbers, lower case for ids, e-mails and links).
 */
import {
  type ContactHit,
  CUE_EMAIL,
  CUE_URL,
  CUE_WECHAT,
  contactCues,
  detectEmails,
  detectUrls,
  detectWechatIds,
} from './contact-detectors.js';
import { foldForDetectors, type Normalised } from './normalise.js';
import { detectNumbers } from './number-detectors.js';

export const DETECTOR_KINDS = ['mobile', 'landline', 'wechat_id', 'bank_card', 'id_card', 'email', 'url'] as const;
export type DetectorKind = (typeof DETECTOR_KINDS)[number];

export type DetectorHit = {
  kind: DetectorKind;
  /** Span of the original text, [start, end) in UTF-16 units. */
  start: number;
  end: number;
  value: string;
};

const NUMBER_KINDS: ReadonlySet<DetectorKind> = new Set(['mobile', 'landline', 'bank_card', 'id_card']);

/** Runs the detectors of `kinds` (all by default) over a text already folded with foldForDetectors. */
export function detectFolded(n: Normalised, kinds: readonly DetectorKind[] = DETECTOR_KINDS): DetectorHit[] {
  const all = kinds === DETECTOR_KINDS;
  const wants = (kind: DetectorKind) => all || kinds.includes(kind);
  const hits: DetectorHit[] = [];
  if (all || kinds.some((k) => NUMBER_KINDS.has(k))) {
    for (const hit of detectNumbers(n)) if (wants(hit.kind)) hits.push(hit);
  }
  const cues = contactCues(n.units);
  if (cues !== 0) {
    const contacts: ContactHit[] = [];
    if (cues & CUE_WECHAT && wants('wechat_id')) detectWechatIds(n, contacts);
    if (cues & CUE_EMAIL && wants('email')) detectEmails(n, contacts);
    if (cues & CUE_URL && wants('url')) detectUrls(n, contacts);
    for (const hit of contacts) hits.push(hit);
  }
  return hits.length < 2 ? hits : hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Phone numbers, WeChat ids, card and ID numbers, e-mails and links in a text (all kinds by default). */
export function detect(text: string, kinds: readonly DetectorKind[] = DETECTOR_KINDS): DetectorHit[] {
  return detectFolded(foldForDetectors(text), kinds);
}
