/** Shows a new API token's secret the one time the server returns it, with a copy button. */
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function TokenRevealModal({
  created,
  onClose,
}: {
  created: { name: string; token: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      message.success(t('tokens.copied'));
    } catch {
      message.error(t('tokens.copyFailed'));
    }
  };
  return (
    <Modal
      open={created !== null}
      title={t('tokens.createdTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('tokens.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('tokens.createdWarning')} style={{ marginBottom: 16 }} />
      <Typography.Text strong>{created?.name}</Typography.Text>
      <Input.TextArea
        readOnly
        value={created?.token ?? ''}
        autoSize
        style={{ fontFamily: 'monospace', marginTop: 8 }}
        onFocus={(e) => e.target.select()}
        data-testid="api-token-secret"
      />
      <Button icon={<CopyOutlined />} onClick={() => void copy()} style={{ marginTop: 8 }}>
        {t('tokens.copy')}
      </Button>
    </Modal>
  );
}
