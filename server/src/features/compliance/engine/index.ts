/** The sensitive-content engine of compliance: lexicon matching, built-in detectors, masking. Pure, no I/O. */

export type { AutomatonStats } from './automaton.js';
export { isBankCardNumber, isResidentIdNumber, passesLuhn, residentIdCheckChar } from './checksums.js';
export { DETECTOR_KINDS, type DetectorHit, type DetectorKind, detect, detectFolded } from './detectors.js';
export {
  compileLexicon,
  LEXICON_CATEGORIES,
  type LexiconCategory,
  type LexiconEntry,
  type LexiconHit,
  type Matcher,
} from './lexicon.js';
export { type CompiledVersion, LexiconRegistry, type LexiconRegistryOptions } from './lexicon-registry.js';
export { type MaskStyle, maskText, mergeSpans, type Span } from './mask.js';
export { type Inspection, inspectText, maskInspection } from './message-inspector.js';
export { foldForDetectors, type Normalised, normalise } from './normalise.js';
