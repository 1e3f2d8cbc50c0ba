/**
 * Above the composer: why a conversation is not archived (an external participant declined) or
 * why nobody can send in it until they agree. A send refused for that reason refreshes it at once,
 * as does a participant's answer pushed by the realtime feed.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutbox } from '../messages/outbox';
import { consentKeys, useConversationConsent } from './consent-api';
import { CONSENT_DECLINED, consentBanner } from './consent-logic';
import { useLiveConsent } from './live-consent';

export function ArchiveConsentBanner({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation('consent');
  const queryClient = useQueryClient();
  const consent = useConversationConsent(conversationId);
  useLiveConsent(conversationId);
  const outbox = useOutbox(conversationId);
  const refusals = outbox.filter((i) => i.status === 'failed' && i.error?.code === CONSENT_DECLINED).length;
  useEffect(() => {
    if (refusals > 0) void queryClient.invalidateQueries({ queryKey: consentKeys.conversation(conversationId) });
  }, [refusals, conversationId, queryClient]);

  const banner = consentBanner(consent.data, i18n.language === 'en' ? ', ' : '、');
  if (!banner) return null;
  return (
    <Alert
      data-testid="archive-consent-banner"
      type={banner.kind === 'blocked' ? 'error' : 'warning'}
      banner
      showIcon
      title={t(`banner.${banner.kind}`, { names: banner.names })}
    />
  );
}
