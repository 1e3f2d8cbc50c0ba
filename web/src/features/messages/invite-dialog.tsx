/** Group invite links: create one (expiry, max uses), copy it or scan its QR code, revoke old ones. */
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, List, Modal, Space, Tag, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/page-state';
import { errorText } from '../../lib/api/error-text';
import { createInvite, keys, revokeInvite, useInvites } from './api';
import { useTimeText } from './use-time-text';

type Values = { expiresInHours?: number | null; maxUses?: number | null };

export function InviteDialog({
  open,
  conversationId,
  onClose,
}: {
  open: boolean;
  conversationId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('messages');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const time = useTimeText();
  const invites = useInvites(conversationId, open);
  const [shown, setShown] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const fullUrl = (url: string) => `${location.origin}${url}`;

  const create = async (values: Values) => {
    setCreating(true);
    try {
      const invite = await createInvite(conversationId, {
        expiresInHours: values.expiresInHours ?? undefined,
        maxUses: values.maxUses ?? undefined,
      });
      setShown(invite.url);
      message.success(t('invite.created'));
      await queryClient.invalidateQueries({ queryKey: keys.invites(conversationId) });
    } catch (error) {
      message.error(errorText(t, error));
    } finally {
      setCreating(false);
    }
  };

  const copy = (url: string) =>
    void navigator.clipboard
      ?.writeText(fullUrl(url))
      .then(() => message.success(t('invite.copied')))
      .catch(() => undefined);

  return (
    <Modal open={open} title={t('invite.title')} onCancel={onClose} footer={null} destroyOnHidden width={560}>
      <Form<Values> layout="inline" onFinish={create} initialValues={{ expiresInHours: 168 }} style={{ rowGap: 8 }}>
        <Form.Item name="expiresInHours" label={t('invite.expiresInHours')}>
          <InputNumber min={1} max={8760} placeholder={t('invite.unlimited')} />
        </Form.Item>
        <Form.Item name="maxUses" label={t('invite.maxUses')}>
          <InputNumber min={1} max={10000} placeholder={t('invite.unlimited')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={creating}>
          {t('invite.create')}
        </Button>
      </Form>
      {shown ? (
        <div
          style={{ display: 'flex', gap: 16, alignItems: 'center', margin: '16px 0', flexWrap: 'wrap' }}
          data-testid="invite-shown"
        >
          <QRCodeSVG value={fullUrl(shown)} size={128} aria-label={t('invite.qr')} />
          <Space orientation="vertical" style={{ flex: 1, minWidth: 200 }}>
            <Typography.Text type="secondary">{t('invite.link')}</Typography.Text>
            <Typography.Text code copyable={false} style={{ wordBreak: 'break-all' }} data-testid="invite-url">
              {fullUrl(shown)}
            </Typography.Text>
            <Button onClick={() => copy(shown)}>{t('invite.copy')}</Button>
          </Space>
        </div>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('invite.existing')}
      </Typography.Title>
      <QueryState query={invites}>
        {(data) => (
          <List
            size="small"
            locale={{ emptyText: t('invite.none') }}
            dataSource={data.items}
            renderItem={(invite) => (
              <List.Item
                actions={
                  invite.revokedAt
                    ? []
                    : [
                        <Button key="show" size="small" type="link" onClick={() => setShown(invite.url)}>
                          {t('invite.show')}
                        </Button>,
                        <Button
                          key="revoke"
                          size="small"
                          type="link"
                          danger
                          onClick={async () => {
                            try {
                              await revokeInvite(conversationId, invite.id);
                              message.success(t('invite.revokeDone'));
                              if (shown === invite.url) setShown(null);
                              await queryClient.invalidateQueries({ queryKey: keys.invites(conversationId) });
                            } catch (error) {
                              message.error(errorText(t, error));
                            }
                          }}
                        >
                          {t('invite.revoke')}
                        </Button>,
                      ]
                }
              >
                <Space wrap size={4}>
                  <Typography.Text code>{invite.code.slice(0, 8)}</Typography.Text>
                  {invite.revokedAt ? <Tag>{t('invite.revoked')}</Tag> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {invite.maxUses
                      ? t('invite.usesOf', { uses: invite.uses, max: invite.maxUses })
                      : t('invite.uses', { uses: invite.uses })}
                    {' · '}
                    {invite.expiresAt
                      ? t('invite.expiresAt', { time: time.full(invite.expiresAt) })
                      : t('invite.never')}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </Modal>
  );
}
