/** New post: as oneself or the org (with the permission), text, up to 9 images, a link, and the tag filter. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Form, Input, Modal, Radio, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TagPicker } from '../customers/components/tag-picker';
import { uploadPostImage, useCreatePost } from './api';
import { type ComposerValues, postBody, postErrorText } from './post-logic';

const MAX_IMAGES = 9;

export function PostComposer({
  open,
  canPostAsOrg,
  onClose,
}: {
  open: boolean;
  canPostAsOrg: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('customerPosts');
  const { message } = App.useApp();
  const [form] = Form.useForm<ComposerValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const create = useCreatePost();
  const kind = Form.useWatch('kind', form) ?? 'member';

  const close = () => {
    form.resetFields();
    setFiles([]);
    onClose();
  };
  const submit = async (values: ComposerValues) => {
    const imageIds = files.flatMap((f) =>
      f.status === 'done' && typeof f.response?.id === 'string' ? [f.response.id] : [],
    );
    const body = postBody(values, imageIds);
    if (!body) {
      message.warning(t('form.needContent'));
      return;
    }
    try {
      const post = await create.mutateAsync(body);
      message.success(post.status === 'pending_review' ? t('submitted') : t('published'));
      close();
    } catch (error) {
      message.error(postErrorText(t, error));
    }
  };

  return (
    <Modal
      open={open}
      title={t('compose')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('form.submit')}
      confirmLoading={create.isPending}
      width={620}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'member' }} onFinish={submit}>
        {canPostAsOrg ? (
          <Form.Item name="kind" label={t('form.kind')}>
            <Radio.Group
              options={[
                { value: 'member', label: t('kind.member') },
                { value: 'org', label: t('kind.org') },
              ]}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="text" label={t('form.text')}>
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('form.textPlaceholder')}
            aria-label={t('form.text')}
          />
        </Form.Item>
        <Form.Item label={t('form.images')} extra={t('form.imagesHelp')}>
          <Upload
            listType="picture-card"
            accept="image/png,image/jpeg,image/gif,image/webp"
            multiple
            fileList={files}
            maxCount={MAX_IMAGES}
            onChange={({ fileList }) => setFiles(fileList)}
            customRequest={({ file, onSuccess, onError }) => {
              uploadPostImage(file as File).then(
                (ref) => onSuccess?.(ref),
                (error: Error) => {
                  message.error(postErrorText(t, error));
                  onError?.(error);
                },
              );
            }}
          >
            {files.length >= MAX_IMAGES ? null : (
              <div>
                <PlusOutlined />
                <div style={{ marginTop: 4 }}>{t('form.upload')}</div>
              </div>
            )}
          </Upload>
        </Form.Item>
        <Form.Item
          name="linkUrl"
          label={t('form.linkUrl')}
          rules={[{ pattern: /^https?:\/\/\S+$/, message: t('form.linkUrlInvalid') }]}
        >
          <Input placeholder={t('form.linkUrlPlaceholder')} maxLength={2000} />
        </Form.Item>
        <Form.Item name="linkTitle" label={t('form.linkTitle')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('form.audience')} extra={kind === 'org' ? t('form.audienceOrg') : t('form.audienceMember')}>
          <Form.Item name="tagsAll" label={t('tagsAll')}>
            <TagPicker aria-label={t('tagsAll')} />
          </Form.Item>
          <Form.Item name="tagsAny" label={t('tagsAny')}>
            <TagPicker aria-label={t('tagsAny')} />
          </Form.Item>
          <Form.Item name="tagsNone" label={t('tagsNone')} style={{ marginBottom: 0 }}>
            <TagPicker aria-label={t('tagsNone')} />
          </Form.Item>
        </Form.Item>
      </Form>
    </Modal>
  );
}
