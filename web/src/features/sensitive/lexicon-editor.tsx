/**
 * Modal to create or edit a lexicon: name, category and the words in a textarea, one per line,
 * with a count against the limit and words added from a CSV or TXT file.
 */
import { UploadOutlined } from '@ant-design/icons';
import { SENSITIVE_CATEGORIES, SENSITIVE_LIMITS } from '@concord/protocol';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { type LexiconBody, type LexiconSummary, useLexicon, useSaveLexicon } from './api';
import { firstTooLong, mergeWords, wordsFromFile, wordsFromText } from './words';

type Values = { name: string; category: LexiconBody['category']; words: string };

const EMPTY: Values = { name: '', category: 'custom', words: '' };

export function LexiconEditor({
  open,
  lexicon,
  onClose,
}: {
  open: boolean;
  lexicon: LexiconSummary | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('sensitive');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const full = useLexicon(open && lexicon ? lexicon.id : null);
  const save = useSaveLexicon();
  const [error, setError] = useState<string | null>(null);
  const words = wordsFromText(Form.useWatch('words', form) ?? '');

  useEffect(() => {
    if (!open) return;
    setError(null);
    if (!lexicon) form.setFieldsValue(EMPTY);
    else if (full.data) {
      form.setFieldsValue({ name: full.data.name, category: full.data.category, words: full.data.words.join('\n') });
    }
  }, [open, lexicon, full.data, form]);

  const submit = async (values: Values) => {
    setError(null);
    const list = wordsFromText(values.words);
    const long = firstTooLong(list, SENSITIVE_LIMITS.wordMax);
    if (long !== null) {
      setError(t('lexicons.tooLong', { line: long }));
      return;
    }
    try {
      await save.mutateAsync({
        id: lexicon?.id ?? null,
        body: { name: values.name.trim(), category: values.category, words: list },
      });
      message.success(lexicon ? t('lexicons.saved') : t('lexicons.created'));
      onClose();
    } catch (err) {
      setError(errorText(t, err));
    }
  };

  const importFile = async (file: File) => {
    try {
      const added = wordsFromFile(file.name, await file.text());
      const current = wordsFromText(form.getFieldValue('words') ?? '');
      form.setFieldValue('words', mergeWords(current, added).join('\n'));
      message.success(t('lexicons.imported', { count: added.length }));
    } catch {
      message.error(t('lexicons.importFailed'));
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={lexicon ? t('lexicons.editTitle') : t('lexicons.createTitle')}
      width={640}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common:action.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            disabled={Boolean(lexicon) && !full.data}
            onClick={() => form.submit()}
          >
            {t('common:action.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} name="lexicon" layout="vertical" initialValues={EMPTY} onFinish={submit}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="name"
          label={t('lexicons.name')}
          rules={[{ required: true, whitespace: true, message: t('lexicons.nameRequired') }]}
        >
          <Input placeholder={t('lexicons.namePlaceholder')} maxLength={60} />
        </Form.Item>
        <Form.Item name="category" label={t('lexicons.category')}>
          <Select options={SENSITIVE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        </Form.Item>
        <Form.Item
          name="words"
          label={t('lexicons.words')}
          extra={t('lexicons.wordsHelp')}
          rules={[
            {
              validator: async () => {
                if (words.length > SENSITIVE_LIMITS.wordsPerLexicon)
                  throw new Error(t('lexicons.tooMany', { max: SENSITIVE_LIMITS.wordsPerLexicon }));
              },
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 8, maxRows: 16 }}
            placeholder={t('lexicons.wordsPlaceholder')}
            spellCheck={false}
          />
        </Form.Item>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type={words.length > SENSITIVE_LIMITS.wordsPerLexicon ? 'danger' : 'secondary'}>
            {t('lexicons.wordCount', { count: words.length, max: SENSITIVE_LIMITS.wordsPerLexicon })}
          </Typography.Text>
          <Upload
            accept=".csv,.txt,text/csv,text/plain"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('lexicons.import')}</Button>
          </Upload>
        </Flex>
      </Form>
    </Modal>
  );
}
