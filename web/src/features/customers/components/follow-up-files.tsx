/**
 * Files on follow-ups: the picker in 写跟进 uploads each file for the customer at once (the
 * follow-up claims them on save), and the timeline lists a follow-up's files to download.
 */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api/error-text';
import { saveResponse, sendWithToken } from '../../../lib/api/file-transfer';
import { formatSize } from '../../messages/attachments';
import type { FollowUp } from '../api';

export const FOLLOW_UP_FILES_MAX = 9;

type Uploaded = { id: string; name: string };

/** Uploads chosen files; `onChange` gets the ids of those that arrived. */
export function FollowUpFilePicker({
  customerId,
  onChange,
}: {
  customerId: string;
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile<Uploaded>[]>([]);
  const publish = (next: UploadFile<Uploaded>[]) => {
    setFiles(next);
    onChange(next.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : [])));
  };
  return (
    <Upload<Uploaded>
      multiple
      maxCount={FOLLOW_UP_FILES_MAX}
      fileList={files}
      onChange={({ fileList }) => publish(fileList)}
      customRequest={async ({ file, onSuccess, onError }) => {
        const body = new FormData();
        body.append('file', file as Blob);
        try {
          const response = await sendWithToken(`/api/v1/customers/${customerId}/follow-up-files`, {
            method: 'POST',
            body,
          });
          onSuccess?.((await response.json()) as Uploaded);
        } catch (err) {
          message.error(errorText(t, err));
          onError?.(err as Error);
        }
      }}
    >
      <Button icon={<UploadOutlined />} disabled={files.length >= FOLLOW_UP_FILES_MAX}>
        {t('followUp.attach', { max: FOLLOW_UP_FILES_MAX })}
      </Button>
    </Upload>
  );
}

export function FollowUpFileLinks({ files }: { files: FollowUp['files'] }) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  if (files.length === 0) return null;
  const download = async (file: FollowUp['files'][number]) => {
    try {
      await saveResponse(await sendWithToken(`/api/v1/follow-up-files/${file.id}?download=1`), file.name);
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  return (
    <Space wrap size={4}>
      {files.map((file) => (
        <Button
          key={file.id}
          size="small"
          type="link"
          icon={<PaperClipOutlined />}
          onClick={() => void download(file)}
          aria-label={t('followUp.download', { name: file.name })}
        >
          {`${file.name} (${formatSize(file.size)})`}
        </Button>
      ))}
    </Space>
  );
}
