/**
 * Live sensitive-content alerts for auditors, on every page: listens to alert frames on the
 * console's socket, refreshes the alert views and badge, and pops a notification with the rule,
 * the sender and an excerpt of the message (fetched, as the push carries no text).
 */
import type { SensitiveAlertNotice } from '@concord/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useRealtime } from '../messages/realtime-context';
import { alertOfFrame, alertSnippet, EMPTY_FEED, receiveAlert } from './alert-feed';
import { type Alert, fetchAlertDetail, keys } from './api';
import { HitText } from './hit-text';

const SHOWN_SECONDS = 8;

export function LiveAlerts() {
  const { t } = useTranslation('sensitive');
  const { client, online } = useRealtime();
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const feed = useRef(EMPTY_FEED);
  // Notifications the auditor closed (or that timed out) are not brought back by their excerpt.
  const closed = useRef(new Set<string>());

  // The latest render's texts and navigation, for the socket listener set up once per client.
  const show = useRef<(notice: SensitiveAlertNotice, detail: Alert | null) => void>(() => undefined);
  show.current = (notice, detail) => {
    const key = `alert-${notice.id}`;
    if (closed.current.has(key)) return;
    const snippet = detail ? alertSnippet(detail.text, detail.hits) : null;
    notification.warning({
      key,
      title: t('live.title', { rule: notice.ruleName }),
      description: (
        <div>
          <div>{t('live.body', { sender: notice.senderName, action: t(`action.${notice.action}`) })}</div>
          {snippet ? (
            <Typography.Text type="secondary" data-testid="alert-notification-snippet">
              <HitText text={snippet.text} hits={snippet.hits} />
            </Typography.Text>
          ) : null}
        </div>
      ),
      actions: (
        <Button
          type="link"
          size="small"
          onClick={() => {
            notification.destroy(key);
            navigate('/admin/alerts');
          }}
        >
          {t('live.open')}
        </Button>
      ),
      placement: 'bottomRight',
      duration: SHOWN_SECONDS,
      onClose: () => closed.current.add(key),
      props: { 'data-testid': 'alert-notification' } as Record<string, string>,
    });
  };

  useEffect(() => {
    if (!client) return;
    return client.listen((frame) => {
      const notice = alertOfFrame(frame);
      if (!notice) return;
      const received = receiveAlert(feed.current, notice);
      feed.current = received.state;
      if (!received.fresh) return;
      void queryClient.invalidateQueries({ queryKey: keys.alerts });
      show.current(notice, null);
      // The excerpt follows once fetched; the same key updates the notification in place.
      fetchAlertDetail(notice)
        .then((detail) => detail && show.current(notice, detail))
        .catch(() => undefined);
    });
  }, [client, queryClient]);

  // Alerts raised while the socket was down were never pushed: catch up when it is back.
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) void queryClient.invalidateQueries({ queryKey: keys.alerts });
    wasOnline.current = online;
  }, [online, queryClient]);

  return null;
}
