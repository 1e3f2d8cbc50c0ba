/**
 * 会话存档: turn the archive on for everyone or chosen departments, set the archive notice and
 * what a decline means and see who accepted it, see its size, root hash and keys, verify it on
 * demand, sign a checkpoint and export the checkpoints to keep elsewhere.
 */
import { Alert, App, Button, Descriptions, Divider, Form, Radio, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { errorText } from '../../lib/api/error-text';
import { DepartmentTreeSelect } from '../directory/components/department-tree-select';
import { AdminPanel } from './admin-panel';
import {
  type ArchiveSettingsBody,
  checkpointExport,
  useArchiveSettings,
  useArchiveStatus,
  useSaveArchiveSettings,
  useSignCheckpoint,
  useVerifyArchive,
} from './archive-api';
import { ArchiveConsentSection } from './archive-consent-section';

export function ArchivePage() {
  return (
    <RequirePermission permission="archive.manage">
      <ArchiveView />
    </RequirePermission>
  );
}

function ArchiveView() {
  const { t } = useTranslation('admin');
  const settings = useArchiveSettings();
  return (
    <AdminPanel title={t('archivePage.title')} subtitle={t('archivePage.subtitle')}>
      <QueryState query={settings}>
        {(data) => (
          <SettingsForm
            key={`${data.enabled}-${data.scope}-${data.departmentIds.join()}`}
            initial={{ enabled: data.enabled, scope: data.scope, departmentIds: data.departmentIds }}
          />
        )}
      </QueryState>
      <Divider />
      <ArchiveConsentSection />
      <Divider />
      <IntegritySection />
    </AdminPanel>
  );
}

function SettingsForm({ initial }: { initial: Required<ArchiveSettingsBody> }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [form] = Form.useForm<Required<ArchiveSettingsBody>>();
  const save = useSaveArchiveSettings();
  const scope = Form.useWatch('scope', form);
  const submit = async (values: Required<ArchiveSettingsBody>) => {
    try {
      await save.mutateAsync(values.scope === 'all' ? { enabled: values.enabled, scope: 'all' } : values);
      message.success(t('archivePage.saved'));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} style={{ maxWidth: 560 }}>
      <Form.Item
        name="enabled"
        label={t('archivePage.enabled')}
        valuePropName="checked"
        extra={t('archivePage.enabledHelp')}
      >
        <Switch />
      </Form.Item>
      <Form.Item name="scope" label={t('archivePage.scope')}>
        <Radio.Group>
          <Radio value="all">{t('archivePage.scopeAll')}</Radio>
          <Radio value="departments">{t('archivePage.scopeDepartments')}</Radio>
        </Radio.Group>
      </Form.Item>
      {scope === 'departments' ? (
        <Form.Item
          name="departmentIds"
          label={t('archivePage.departments')}
          rules={[{ required: true, type: 'array', min: 1, message: t('archivePage.departmentsRequired') }]}
        >
          <DepartmentTreeSelect multiple placeholder={t('archivePage.departmentsPlaceholder')} />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('common:action.save')}
      </Button>
    </Form>
  );
}

function IntegritySection() {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const status = useArchiveStatus();
  const verify = useVerifyArchive();
  const sign = useSignCheckpoint();
  const [exporting, setExporting] = useState(false);
  const report = verify.data;

  const download = async (publicKey: string | null) => {
    setExporting(true);
    try {
      const blob = await checkpointExport(publicKey);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'concord-archive-checkpoints.json';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <QueryState query={status}>
      {(data) => (
        <>
          <Typography.Title level={5}>{t('archivePage.integrity')}</Typography.Title>
          <Descriptions column={1} size="small" bordered style={{ maxWidth: 760, marginBottom: 16 }}>
            <Descriptions.Item label={t('archivePage.records')}>{data.size}</Descriptions.Item>
            <Descriptions.Item label={t('archivePage.rootHash')}>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {data.rootHash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('archivePage.signing')}>
              {data.signing ? t('archivePage.signingOn') : t('archivePage.signingOff')}
            </Descriptions.Item>
            <Descriptions.Item label={t('archivePage.encryption')}>
              {data.encrypted ? t('archivePage.encryptionOn') : t('archivePage.encryptionOff')}
            </Descriptions.Item>
            <Descriptions.Item label={t('archivePage.lastCheckpoint')}>
              {data.lastCheckpoint
                ? t('archivePage.checkpointAt', {
                    size: data.lastCheckpoint.size,
                    time: new Date(data.lastCheckpoint.createdAt).toLocaleString(),
                  })
                : t('archivePage.noCheckpoint')}
            </Descriptions.Item>
          </Descriptions>
          {report ? (
            <Alert
              data-testid="archive-verify-result"
              style={{ marginBottom: 16, maxWidth: 760 }}
              showIcon
              type={report.status === 'intact' ? 'success' : 'error'}
              title={
                report.status === 'intact'
                  ? t('archivePage.intact', { count: report.count ?? 0 })
                  : t('archivePage.broken', { seq: report.seq ?? '?', problem: report.problem ?? '' })
              }
              description={report.status === 'intact' ? report.headHash : report.detail}
            />
          ) : null}
          {verify.error ? (
            <Alert type="error" showIcon title={errorText(t, verify.error)} style={{ marginBottom: 16 }} />
          ) : null}
          <Space wrap>
            <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()}>
              {t('archivePage.verify')}
            </Button>
            <Button
              disabled={!data.signing}
              loading={sign.isPending}
              onClick={() =>
                sign.mutate(undefined, {
                  onSuccess: () => message.success(t('archivePage.signed')),
                  onError: (err) => message.error(errorText(t, err)),
                })
              }
            >
              {t('archivePage.sign')}
            </Button>
            <Button loading={exporting} onClick={() => download(data.publicKey)}>
              {t('archivePage.export')}
            </Button>
          </Space>
        </>
      )}
    </QueryState>
  );
}
