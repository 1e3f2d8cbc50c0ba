/** 立即清理: runs the purge on demand after a confirmation and shows what it removed. */
import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { type PurgeReport, useRunPurge } from './retention-api';

export function PurgeSection() {
  const { t } = useTranslation('retention');
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const run = useRunPurge();

  const confirm = () =>
    modal.confirm({
      title: t('purge.confirmTitle'),
      content: t('purge.confirmText'),
      okText: t('purge.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('common:action.cancel'),
      onOk: async () => {
        // Shown below the button; the dialog closes either way.
        await run.mutateAsync().catch(() => undefined);
        // Purge records lengthen the archive: its status page must show the new size.
        void queryClient.invalidateQueries({ queryKey: ['admin', 'archive'] });
      },
    });

  return (
    <>
      <Typography.Title level={5}>{t('purge.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('purge.help')}
      </Typography.Paragraph>
      <Button danger icon={<DeleteOutlined />} loading={run.isPending} onClick={confirm}>
        {t('purge.run')}
      </Button>
      {run.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12, maxWidth: 760 }}
          title={errorText(t, run.error)}
          data-testid="purge-error"
        />
      ) : run.data ? (
        <Report report={run.data} />
      ) : null}
    </>
  );
}

function Report({ report }: { report: PurgeReport }) {
  const { t } = useTranslation('retention');
  if (report.purged === 0)
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginTop: 12, maxWidth: 760 }}
        title={t('purge.nothing')}
        data-testid="purge-report"
      />
    );
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginTop: 12, maxWidth: 760 }}
      data-testid="purge-report"
      title={t('purge.done', { count: report.purged })}
      description={
        <>
          {t('purge.spans')}
          {report.spans
            .map((s) =>
              s.firstSeq === s.lastSeq
                ? t('purge.spanOne', { seq: s.firstSeq })
                : t('purge.span', { first: s.firstSeq, last: s.lastSeq }),
            )
            .join(t('purge.separator'))}
        </>
      }
    />
  );
}
