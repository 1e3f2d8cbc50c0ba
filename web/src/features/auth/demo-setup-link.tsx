/** "Load the demo company": seeds 星河零售, signs in as its admin and shows the password once. */
import { ExperimentOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/api-error';
import { errorText } from '../../lib/api/error-text';
import { DemoCredentialsModal } from './demo-credentials-modal';
import { type DemoResult, postDemoSetup } from './setup-api';
import { useEnterConsole } from './use-enter-console';

export function DemoSetupLink() {
  const { t } = useTranslation('auth');
  const { store, go } = useEnterConsole();
  const [result, setResult] = useState<DemoResult | null>(null);
  const demo = useMutation({
    mutationFn: postDemoSetup,
    onSuccess: (data) => {
      // The session is kept at once, so a reload does not lose it; the console opens on "enter".
      store(data);
      setResult(data);
    },
  });
  const failure = demo.error
    ? demo.error instanceof ApiError && demo.error.code === 'conflict'
      ? t('setup.alreadyDone')
      : errorText(t, demo.error)
    : null;
  return (
    <div style={{ textAlign: 'center' }}>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12, textAlign: 'left' }} /> : null}
      <Button type="link" icon={<ExperimentOutlined />} loading={demo.isPending} onClick={() => demo.mutate()}>
        {t('setup.demo')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
        {t('setup.demoHint')}
      </Typography.Paragraph>
      <DemoCredentialsModal credentials={result?.demo ?? null} onEnter={() => result && go(result)} />
    </div>
  );
}
