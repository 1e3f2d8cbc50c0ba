/**
 * 导入客户: the file is checked first (a dry run) and every bad row is listed with its line; only a
 * clean file can be imported, in one go.
 */
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api/error-text';
import { invalidateCustomers } from '../api';
import { type ImportResult, type ImportRowError, outcomeOf, uploadCustomers } from '../transfer-api';

export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [allowDuplicates, setAllowDuplicates] = useState(false);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [created, setCreated] = useState<number | null>(null);

  const check = useMutation({
    mutationFn: (next: { file: File; allowDuplicates: boolean }) =>
      uploadCustomers(next.file, true, next.allowDuplicates),
    onSuccess: setChecked,
    onError: (err) => {
      message.error(errorText(t, err));
    },
  });
  const run = useMutation({
    mutationFn: () => uploadCustomers(file as File, false, allowDuplicates),
    onSuccess: async (result) => {
      setCreated(result.created);
      await invalidateCustomers(client);
    },
    onError: (err) => {
      const outcome = outcomeOf(err);
      if (outcome) setChecked(outcome);
      else message.error(errorText(t, err));
    },
  });

  const choose = (next: File) => {
    setFile(next);
    setChecked(null);
    check.mutate({ file: next, allowDuplicates });
    return false;
  };
  const toggleDuplicates = (value: boolean) => {
    setAllowDuplicates(value);
    if (file) check.mutate({ file, allowDuplicates: value });
  };
  const reset = () => {
    setFile(null);
    setChecked(null);
  };
  const reason = (e: ImportRowError) => t(`importReason.${e.reason}`, { defaultValue: e.message });
  const column = (field: string) => t(`field.${field}`, { defaultValue: field });

  const footer =
    created !== null ? (
      <Button type="primary" onClick={onClose}>
        {t('common:action.close')}
      </Button>
    ) : (
      <Space>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        {checked && checked.errors.length > 0 ? <Button onClick={reset}>{t('import.again')}</Button> : null}
        {checked && checked.errors.length === 0 ? (
          <Button type="primary" loading={run.isPending} onClick={() => run.mutate()}>
            {t('import.start')}
          </Button>
        ) : null}
      </Space>
    );

  return (
    <Modal open title={t('import.title')} width={720} onCancel={onClose} footer={footer} destroyOnHidden>
      {created !== null ? (
        <Alert type="success" showIcon title={t('import.done', { count: created })} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('import.hint')}
          </Typography.Paragraph>
          <Checkbox checked={allowDuplicates} onChange={(e) => toggleDuplicates(e.target.checked)}>
            {t('import.allowDuplicates')}
          </Checkbox>
          {checked ? null : (
            <Upload accept=".csv,.xlsx" beforeUpload={choose} showUploadList={false} maxCount={1}>
              <Button icon={<UploadOutlined />} loading={check.isPending}>
                {check.isPending ? t('import.checking') : t('import.choose')}
              </Button>
            </Upload>
          )}
          {checked && checked.errors.length === 0 ? (
            <Alert type="success" showIcon title={t('import.ready', { count: checked.valid })} />
          ) : null}
          {checked && checked.errors.length > 0 ? (
            <>
              <Alert type="error" showIcon title={t('import.problems', { count: checked.errors.length })} />
              <Table<ImportRowError>
                size="small"
                rowKey={(e) => `${e.line}-${e.field}-${e.reason}`}
                dataSource={checked.errors}
                pagination={checked.errors.length > 10 ? { pageSize: 10 } : false}
                columns={[
                  { key: 'line', title: t('import.line'), width: 80, render: (_, e) => e.line },
                  { key: 'field', title: t('import.column'), width: 120, render: (_, e) => column(e.field) },
                  { key: 'reason', title: t('import.reason'), render: (_, e) => reason(e) },
                ]}
              />
            </>
          ) : null}
        </Space>
      )}
    </Modal>
  );
}
