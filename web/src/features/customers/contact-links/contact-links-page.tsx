/**
 * 联系我: the member's personal contact-me links. Each has a QR code and an address to hand
 * out; whoever opens it verifies their email and chats with the member, and becomes their
 * customer with the link's tags and stage.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, LoadError, Loading } from '../../../components/page-state';
import { RequirePermission } from '../../../components/require-permission';
import { errorText } from '../../../lib/api/error-text';
import { type ContactLink, contactKeys, contactUrl, deleteContactLink, useContactLinks } from './contact-link-api';
import { ContactLinkCard } from './contact-link-card';
import { ContactLinkModal } from './contact-link-modal';

export function ContactLinksPage() {
  return (
    <RequirePermission permission="customer.serve">
      <ContactLinksView />
    </RequirePermission>
  );
}

function ContactLinksView() {
  const { t } = useTranslation('customers');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const links = useContactLinks();
  const [editing, setEditing] = useState<ContactLink | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => deleteContactLink(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contactKeys.links });
      message.success(t('contact.deleted'));
    },
    onError: (error) => message.error(errorText(t, error)),
  });
  const confirmDelete = (link: ContactLink) =>
    modal.confirm({
      title: t('contact.deleteTitle', { name: link.name }),
      content: t('contact.deleteText'),
      okButtonProps: { danger: true },
      onOk: () => remove.mutateAsync(link.id),
    });
  const copy = async (link: ContactLink) => {
    await globalThis.navigator?.clipboard?.writeText(contactUrl(link.code)).catch(() => undefined);
    message.success(t('contact.copied'));
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <div style={{ flex: 1 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('contact.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('contact.subtitle')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('contact.create')}
        </Button>
      </div>
      {links.isLoading ? <Loading /> : null}
      {links.error ? <LoadError error={links.error} onRetry={() => links.refetch()} /> : null}
      {links.data && links.data.length === 0 ? <EmptyState>{t('contact.empty')}</EmptyState> : null}
      <Row gutter={[16, 16]}>
        {(links.data ?? []).map((link) => (
          <Col key={link.id} xs={24} xl={12}>
            <ContactLinkCard
              link={link}
              onEdit={() => setEditing(link)}
              onDelete={() => confirmDelete(link)}
              onCopy={() => void copy(link)}
            />
          </Col>
        ))}
      </Row>
      {editing ? <ContactLinkModal link={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Space>
  );
}
