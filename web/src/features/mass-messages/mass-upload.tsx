/** The image or file of a mass message: uploaded as soon as it is picked; the form keeps its id. */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendWithToken } from '../../lib/api/file-transfer';
import { massErrorText } from './mass-logic';

type Uploaded = { id: string; kind: 'image' | 'file'; name: string };

export function MassUpload({
  kind,
  onChange,
}: {
  kind: 'image' | 'file';
  value?: string;
  onChange?: (id: string | undefined) => void;
}) {
  const { t } = useTranslation('massMessages');
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile<Uploaded>[]>([]);
  return (
    <Upload<Uploaded>
      maxCount={1}
      accept={kind === 'image' ? 'image/png,image/jpeg,image/gif,image/webp' : undefined}
      listType={kind === 'image' ? 'picture' : 'text'}
      fileList={files}
      onChange={({ fileList }) => {
        setFiles(fileList);
        const done = fileList.find((f) => f.status === 'done' && f.response);
        onChange?.(done?.response?.id);
      }}
      customRequest={async ({ file, onSuccess, onError }) => {
        const body = new FormData();
        body.append('file', file as Blob);
        try {
          const response = await sendWithToken('/api/v1/mass-messages/uploads', { method: 'POST', body });
          const uploaded = (await response.json()) as Uploaded;
          if (uploaded.kind !== kind) throw new Error(t('composer.notAnImage'));
          onSuccess?.(uploaded);
        } catch (err) {
          message.error(err instanceof Error && !('status' in err) ? err.message : massErrorText(t, err));
          onError?.(err as Error);
        }
      }}
    >
      <Button icon={<UploadOutlined />}>{t(kind === 'image' ? 'composer.pickImage' : 'composer.pickFile')}</Button>
    </Upload>
  );
}
