/** Shows the demo admin's sign-in once, with copy buttons, before entering the console. */
import { Alert, App, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { credentials: { login: string; password: string } | null; onEnter: () => void };

export function DemoCredentialsModal({ credentials, onEnter }: Props) {
  const { t } = useTranslation('auth');
  const { message } = App.useApp();
  const copyAll = async () => {
    if (!credentials) return;
    try {
      await navigator.clipboard.writeText(t('setup.demoCopyText', credentials));
      message.success(t('setup.copied'));
    } catch {
      // Clipboard access can be refused (plain http); the texts stay selectable.
    }
  };
  return (
    <Modal
      open={credentials !== null}
      title={t('setup.demoTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      centered
      footer={[
        <Button key="copy" onClick={() => void copyAll()}>
          {t('setup.demoCopyAll')}
        </Button>,
        <Button key="enter" type="primary" onClick={onEnter}>
          {t('setup.enter')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon title={t('setup.demoText')} style={{ marginBottom: 16 }} />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('setup.demoLogin')}>
          <Typography.Text copyable={{ text: credentials?.login }} data-testid="demo-login" strong>
            {credentials?.login}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('setup.demoPassword')}>
          <Typography.Text copyable={{ text: credentials?.password }} data-testid="demo-password" code>
            {credentials?.password}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}
