/** 批量导入: upload → check (dry run) → import, as a three-step wizard. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Card, Grid, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { ApiError } from '../../lib/api/api-error';
import { invalidateDirectory } from './api/queries';
import { CheckStep } from './import/check-step';
import { DoneStep } from './import/done-step';
import { type ImportResult, outcomeOf, uploadImport } from './import/import-api';
import { UploadStep } from './import/upload-step';
import { fileErrorKey } from './lib/import-reasons';
import { useErrorText } from './use-error-text';

export function ImportPage() {
  return (
    <RequirePermission permission="member.import">
      <ImportWizard />
    </RequirePermission>
  );
}

type Checked = { file: File; result: ImportResult };

function ImportWizard() {
  const { t } = useTranslation('directory');
  const client = useQueryClient();
  const narrow = !Grid.useBreakpoint().sm;
  const errorText = useErrorText();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [created, setCreated] = useState<number | null>(null);

  const describe = (error: unknown) => {
    const key = error instanceof ApiError ? fileErrorKey(error) : null;
    return key ? t(key) : errorText(error);
  };

  const check = useMutation({
    mutationFn: async (file: File) => ({ file, result: await uploadImport(file, true) }),
    onSuccess: setChecked,
  });
  const run = useMutation({
    mutationFn: (file: File) => uploadImport(file, false),
    onSuccess: async (result) => {
      setCreated(result.created);
      await invalidateDirectory(client);
    },
    onError: (error) => {
      // Someone changed the directory since the check: show the fresh problems.
      const outcome = outcomeOf(error);
      if (outcome && checked) setChecked({ file: checked.file, result: outcome });
    },
  });

  const restart = () => {
    setChecked(null);
    setCreated(null);
    check.reset();
    run.reset();
  };
  const step = created !== null ? 2 : checked ? 1 : 0;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/directory">
        <ArrowLeftOutlined /> {t('detail.back')}
      </Link>
      <Card size="small">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('import.title')}
        </Typography.Title>
        <Steps
          current={step}
          status={step === 2 ? 'finish' : 'process'}
          size="small"
          responsive={false}
          titlePlacement={narrow ? 'vertical' : 'horizontal'}
          style={{ marginBottom: 24 }}
          items={[{ title: t('import.stepUpload') }, { title: t('import.stepCheck') }, { title: t('import.stepDone') }]}
        />
        {step === 0 ? (
          <UploadStep
            onFile={(file) => check.mutate(file)}
            checking={check.isPending}
            error={check.error ? describe(check.error) : null}
          />
        ) : null}
        {step === 1 && checked ? (
          <CheckStep
            fileName={checked.file.name}
            result={checked.result}
            importing={run.isPending}
            error={run.error && !outcomeOf(run.error) ? describe(run.error) : null}
            onBack={restart}
            onImport={() => run.mutate(checked.file)}
          />
        ) : null}
        {step === 2 ? <DoneStep created={created ?? 0} onAgain={restart} /> : null}
      </Card>
    </Space>
  );
}
