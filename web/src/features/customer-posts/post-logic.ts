/** Pure helpers of the posts page: the request a composer's values make, and the refusal's wording. */
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api/api-error';
import { errorText } from '../../lib/api/error-text';
import type { NewPost } from './api';

export type ComposerValues = {
  kind: 'member' | 'org';
  text?: string;
  linkUrl?: string;
  linkTitle?: string;
  tagsAll?: string[];
  tagsAny?: string[];
  tagsNone?: string[];
};

const nonEmpty = (ids: string[] | undefined) => (ids && ids.length > 0 ? ids : undefined);

/** The body to send; null when there is nothing to post (no text, image or link). */
export function postBody(values: ComposerValues, imageIds: readonly string[]): NewPost | null {
  const text = values.text?.trim() ?? '';
  const url = values.linkUrl?.trim() ?? '';
  if (!text && imageIds.length === 0 && !url) return null;
  const title = values.linkTitle?.trim();
  const body: NewPost = { kind: values.kind, text };
  if (imageIds.length > 0) body.imageIds = [...imageIds];
  if (url) body.link = title ? { url, title } : { url };
  const all = nonEmpty(values.tagsAll);
  const any = nonEmpty(values.tagsAny);
  const none = nonEmpty(values.tagsNone);
  if (all) body.tagsAll = all;
  if (any) body.tagsAny = any;
  if (none) body.tagsNone = none;
  return body;
}

/** A blocked text names the rule and what it found; anything else reads as the shared error texts. */
export function postErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'content_blocked') {
    const details = (error.details ?? {}) as { rule?: { name?: string }; found?: string[] };
    return t('customerPosts:blocked', { rule: details.rule?.name ?? '', found: (details.found ?? []).join('、') });
  }
  return errorText(t, error);
}
