/** The shape every translation must have: the same keys as the Chinese original, any text. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** One namespace's texts in every language the console speaks. */
export type NamespaceMessages<T> = { 'zh-CN': T; en: Messages<T> };

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
