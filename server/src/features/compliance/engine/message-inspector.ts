/**
 * The send-path check of one message: every lexicon in force folds and scans it in one pass each,
 * then it is folded once for the detectors wanted.
 */
import { type DetectorHit, type DetectorKind, detectFolded } from './detectors.js';
import type { LexiconHit, Matcher } from './lexicon.js';
import { type MaskStyle, maskText } from './mask.js';
import { foldForDetectors } from './normalise.js';

export type Inspection = { lexicon: LexiconHit[]; detectors: DetectorHit[] };

/** Lexicon hits from every matcher and detector hits of `kinds` (all by default; [] for none). */
export function inspectText(text: string, matchers: readonly Matcher[], kinds?: readonly DetectorKind[]): Inspection {
  const lexicon: LexiconHit[] = [];
  for (const m of matchers) lexicon.push(...m.scanText(text));
  if (matchers.length > 1) lexicon.sort((a, b) => a.start - b.start || b.end - a.end);
  const detectors = kinds?.length === 0 ? [] : detectFolded(foldForDetectors(text), kinds);
  return { lexicon, detectors };
}

/** The text with every hit of an inspection masked. */
export function maskInspection(text: string, inspection: Inspection, style: MaskStyle = 'each'): string {
  return maskText(text, [...inspection.lexicon, ...inspection.detectors], style);
}
