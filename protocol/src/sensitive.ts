/** Sensitive-content rules on messages: the values server and console share. */

/** What a rule does to a message that hits it; the strongest action among the rules hit applies. */
export const SENSITIVE_ACTIONS = ['record', 'mask', 'block'] as const;
export type SensitiveAction = (typeof SENSITIVE_ACTIONS)[number];

/** Which messages a rule looks at: all, those in external groups, or those whose sender is in chosen departments. */
export const SENSITIVE_SCOPES = ['all', 'external', 'departments'] as const;
export type SensitiveScope = (typeof SENSITIVE_SCOPES)[number];

/** Lexicon categories (the same list as the engine's). */
export const SENSITIVE_CATEGORIES = ['poaching', 'private_payment', 'false_promise', 'insult', 'custom'] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

/** Built-in detectors a rule may select (the same list as the engine's). */
export const SENSITIVE_DETECTORS = ['mobile', 'landline', 'wechat_id', 'bank_card', 'id_card', 'email', 'url'] as const;
export type SensitiveDetector = (typeof SENSITIVE_DETECTORS)[number];

/** An alert's review state. */
export const ALERT_STATUSES = ['new', 'confirmed', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const SENSITIVE_LIMITS = {
  /** Words in one lexicon, after de-duplication. */
  wordsPerLexicon: 10_000,
  /** Characters in one word. */
  wordMax: 50,
  lexiconsPerOrg: 200,
  rulesPerOrg: 200,
  lexiconsPerRule: 50,
} as const;
