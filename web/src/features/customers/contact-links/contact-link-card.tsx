/** One contact-me link: its QR code and address to hand out, what it does for new customers, its joins. */
import { CopyOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { type ContactLink, contactUrl } from './contact-link-api';

export function ContactLinkCard({
  link,
  onEdit,
  onDelete,
  onCopy,
}: {
  link: ContactLink;
  onEdit: () => void;
  onDelete: () => void;
  onCopy: () => void;
}) {
  const { t } = useTranslation('customers');
  const url = contactUrl(link.code);
  return (
    <Card
      title={link.name}
      data-testid="contact-link"
      extra={
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
            {t('contact.edit')}
          </Button>
          <Button size="small" danger icon={<DeleteOutlined />} onClick={onDelete} aria-label={t('contact.delete')} />
        </Space>
      }
    >
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <QRCodeSVG value={url} size={128} aria-label={t('contact.qr')} />
        <Space orientation="vertical" style={{ flex: 1, minWidth: 220 }}>
          <Typography.Text code style={{ wordBreak: 'break-all' }} data-testid="contact-link-url">
            {url}
          </Typography.Text>
          <Button size="small" icon={<CopyOutlined />} onClick={onCopy}>
            {t('contact.copy')}
          </Button>
          <div>
            <Typography.Text type="secondary">{t('contact.tags')}：</Typography.Text>
            {link.tags.length > 0 ? (
              link.tags.map((tag) => <Tag key={tag.id}>{tag.name}</Tag>)
            ) : (
              <Typography.Text type="secondary">{t('contact.none')}</Typography.Text>
            )}
          </div>
          <div>
            <Typography.Text type="secondary">{t('contact.stage')}：</Typography.Text>
            <Typography.Text>{link.stage?.name ?? t('contact.stageDefault')}</Typography.Text>
          </div>
          {link.welcomeMessage ? (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
              {t('contact.welcome')}：{link.welcomeMessage}
            </Typography.Paragraph>
          ) : null}
          <Typography.Text strong data-testid="contact-link-joins">
            {t('contact.joins', { count: link.joins })}
          </Typography.Text>
        </Space>
      </div>
    </Card>
  );
}
