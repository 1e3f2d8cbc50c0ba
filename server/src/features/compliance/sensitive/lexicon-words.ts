/**
 * A lexicon's words as the admin typed or imported them, cleaned: trimmed, each 1–50 characters
 * on one line, and de-duplicated by what they match (their normalised form), keeping the first
 * spelling. A word that is empty, too long or matches nothing (only punctuation) is refused by
 * its position, so the admin can find it.
 */
import { SENSITIVE_LIMITS } from '@concord/protocol';
import { invalid, limitExceeded } from '../../../platform/errors.js';
import { normalise } from '../engine/index.js';

export type CleanedWords = { words: string[]; duplicates: number };

export function cleanLexiconWords(raw: readonly string[]): CleanedWords {
  const byKey = new Map<string, string>();
  for (const [index, value] of raw.entries()) {
    const word = value.trim();
    if (word === '') throw invalid(`Word ${index + 1} is empty`, { field: 'words', index });
    if (/[\r\n]/.test(word)) throw invalid(`Word ${index + 1} spans several lines`, { field: 'words', index, word });
    const length = [...word].length;
    if (length > SENSITIVE_LIMITS.wordMax) {
      throw invalid(`Word ${index + 1} is longer than ${SENSITIVE_LIMITS.wordMax} characters`, {
        field: 'words',
        index,
        max: SENSITIVE_LIMITS.wordMax,
        length,
      });
    }
    const key = normalise(word).text;
    if (key === '') {
      throw invalid(`Word ${index + 1} has no letters or digits to match`, { field: 'words', index, word });
    }
    if (!byKey.has(key)) byKey.set(key, word);
  }
  if (byKey.size > SENSITIVE_LIMITS.wordsPerLexicon) {
    throw limitExceeded(`A lexicon can have at most ${SENSITIVE_LIMITS.wordsPerLexicon} different words`, {
      field: 'words',
      max: SENSITIVE_LIMITS.wordsPerLexicon,
      count: byKey.size,
    });
  }
  return { words: [...byKey.values()], duplicates: raw.length - byKey.size };
}
