/** i18next with every namespace loaded up front; zh-CN unless the user picked English. */
import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from './messages';
import { NAMESPACES } from './namespaces';

const STORAGE_KEY = 'concord.language';

export function storedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LANGUAGES.find((l) => l === saved) ?? 'zh-CN';
}

export function rememberLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
}

/** Keys asked for but missing, exposed on `window.concordMissingKeys` for browser tests. */
function recordMissingKey(key: string): void {
  const holder = globalThis as { concordMissingKeys?: string[] };
  holder.concordMissingKeys ??= [];
  if (!holder.concordMissingKeys.includes(key)) holder.concordMissingKeys.push(key);
}

export function setupI18n(language: Language = storedLanguage()) {
  const resources: Resource = {};
  for (const lang of LANGUAGES) {
    resources[lang] = Object.fromEntries(
      Object.entries(NAMESPACES).map(([ns, messages]) => [ns, messages[lang]]),
    ) as ResourceLanguage;
  }
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    ns: Object.keys(NAMESPACES),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    // A key without a text is a bug: remember it so the browser tests can fail on it.
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) => recordMissingKey(`${languages.join(',')}:${namespace}:${key}`),
  });
  return i18next;
}
