/**
 * Why a message was not sent or an edit not saved: a sensitive-content rule names itself and
 * what it found, an archive consent refusal names the external participants who declined;
 * anything else reads as the error code's text.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api/api-error';
import { errorText } from '../../lib/api/error-text';
import { declinedNames } from '../archive-consent/consent-logic';

type BlockedDetails = { rule?: { name?: unknown }; hits?: { word?: unknown; text?: unknown }[] };

export function sendErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'content_blocked') {
    const details = (error.details ?? {}) as BlockedDetails;
    const rule = typeof details.rule?.name === 'string' ? details.rule.name : '';
    const found = (details.hits ?? [])
      .map((h) => (typeof h.word === 'string' ? h.word : typeof h.text === 'string' ? h.text : ''))
      .filter((w, i, all) => w !== '' && all.indexOf(w) === i);
    if (rule) return t('messages:message.blocked', { rule, words: found.join(', ') });
  }
  const declined = declinedNames(error);
  if (declined?.self) return t('consent:errors.declinedSelf');
  if (declined?.names) return t('consent:errors.declined', { names: declined.names });
  return errorText(t, error);
}
