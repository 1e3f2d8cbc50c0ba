/** 客户动态: follow-ups, stage moves, transfers and chats of one customer, newest first. */
import { Button, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadError } from '../../../components/page-state';
import { type CustomerDetail, useFollowUps } from '../api';
import { type CustomerChat, useCustomerChats } from '../contact-links/contact-link-api';
import { formatTime } from '../lib/format';
import { buildTimeline, type TimelineEntry } from '../lib/timeline';
import { useTransfers } from '../transfers/transfer-api';
import { FollowUpFileLinks } from './follow-up-files';

export function CustomerTimeline({ customer }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation('customers');
  const followUps = useFollowUps(customer.id);
  const transfers = useTransfers({ customerId: customer.id });
  const chats = useCustomerChats(customer.id);
  const navigate = useNavigate();
  const time = (iso: string | null) => formatTime(iso, i18n.language);
  if (followUps.error) return <LoadError error={followUps.error} onRetry={() => followUps.refetch()} />;
  const entries = buildTimeline(
    followUps.data ?? [],
    customer.stageHistory,
    transfers.data?.pages.flatMap((p) => p.items) ?? [],
    chats.data ?? [],
  );
  if (entries.length === 0) return <Typography.Text type="secondary">{t('detail.noTimeline')}</Typography.Text>;

  const chatContent = (c: CustomerChat) => (
    <div data-testid="timeline-chat">
      <div>
        {t('contact.chatLine', { member: c.member.name })}
        {c.contactLink ? ` · ${t('contact.chatVia', { link: c.contactLink.name })}` : ''}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {time(c.firstContactAt)} ·{' '}
        {c.lastMessageAt ? t('contact.lastMessage', { time: time(c.lastMessageAt) }) : t('contact.noMessages')}
      </Typography.Text>
      {c.canOpen ? (
        <div>
          <Button
            size="small"
            type="link"
            style={{ padding: 0 }}
            onClick={() => navigate(`/messages/${c.conversationId}`)}
          >
            {t('contact.openChat')}
          </Button>
        </div>
      ) : null}
    </div>
  );

  const content = (e: TimelineEntry) => {
    if (e.kind === 'chat') return chatContent(e.chat);
    if (e.kind === 'transfer') {
      const tr = e.transfer;
      return (
        <div>
          <div>
            {t('transfer.timelineLine', {
              from: tr.from.name,
              to: tr.to.name,
              kind: t(`transfer.kindName.${tr.kind}`),
              status: t(`transfer.statusName.${tr.status}`),
            })}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {time(e.at)}
          </Typography.Text>
        </div>
      );
    }
    if (e.kind === 'stage') {
      const m = e.move;
      return (
        <div>
          <div>
            {m.from
              ? t('detail.moveLine', { from: m.from.name, to: m.to.name })
              : t('detail.firstStage', { to: m.to.name })}
          </div>
          {m.note ? <Typography.Text>{m.note}</Typography.Text> : null}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {time(m.at)}
              {m.by ? ` · ${t('detail.by', { name: m.by.name })}` : ''}
            </Typography.Text>
          </div>
        </div>
      );
    }
    const f = e.followUp;
    return (
      <div>
        <Typography.Text strong>
          {t('followUp.line', { kind: t(`followUp.kinds.${f.kind}`), name: f.author.name })}
        </Typography.Text>
        <div style={{ whiteSpace: 'pre-wrap' }}>{f.content}</div>
        <FollowUpFileLinks files={f.files} />
        {f.nextAt ? (
          <div>
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('followUp.next', { at: time(f.nextAt) })}
            </Typography.Text>
          </div>
        ) : null}
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {time(f.happenedAt)}
          </Typography.Text>
        </div>
      </div>
    );
  };
  return (
    <Timeline
      items={entries.map((e) => ({
        key: `${e.kind}-${e.id}`,
        color: e.kind === 'stage' ? 'blue' : e.kind === 'transfer' ? 'orange' : e.kind === 'chat' ? 'purple' : 'green',
        content: content(e),
      }))}
    />
  );
}
