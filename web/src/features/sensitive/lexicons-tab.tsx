/** The lexicon list with create, edit and delete (a lexicon rules still use cannot be deleted). */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Space, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/page-state';
import { ApiError } from '../../lib/api/api-error';
import { errorText } from '../../lib/api/error-text';
import { formatDateTime } from '../admin/format';
import { type LexiconSummary, useDeleteLexicon, useLexicons } from './api';
import { LexiconEditor } from './lexicon-editor';

export function LexiconsTab() {
  const { t } = useTranslation('sensitive');
  const { message, modal } = App.useApp();
  const lexicons = useLexicons();
  const remove = useDeleteLexicon();
  const [editor, setEditor] = useState<{ open: boolean; lexicon: LexiconSummary | null }>({
    open: false,
    lexicon: null,
  });

  const confirmDelete = (lexicon: LexiconSummary) =>
    modal.confirm({
      title: t('lexicons.deleteTitle', { name: lexicon.name }),
      content: t('lexicons.deleteText'),
      okText: t('common:action.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common:action.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(lexicon.id);
          message.success(t('lexicons.deleted'));
        } catch (err) {
          const rules = (err instanceof ApiError && (err.details as { rules?: { name: string }[] })?.rules) || null;
          message.error(
            rules ? t('lexicons.inUse', { rules: rules.map((r) => r.name).join('、') }) : errorText(t, err),
          );
        }
      },
    });

  const columns: TableProps<LexiconSummary>['columns'] = [
    {
      title: t('lexicons.colName'),
      key: 'name',
      render: (_, lexicon) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, fontWeight: 600 }}
          onClick={() => setEditor({ open: true, lexicon })}
        >
          {lexicon.name}
        </Button>
      ),
    },
    {
      title: t('lexicons.colCategory'),
      key: 'category',
      width: 120,
      render: (_, lexicon) => <Tag>{t(`category.${lexicon.category}`)}</Tag>,
    },
    { title: t('lexicons.colWords'), dataIndex: 'wordCount', width: 90, align: 'right' },
    {
      title: t('lexicons.colVersion'),
      key: 'version',
      width: 100,
      render: (_, lexicon) => t('lexicons.version', { version: lexicon.version }),
    },
    { title: t('lexicons.colUpdated'), key: 'updated', width: 170, render: (_, l) => formatDateTime(l.updatedAt) },
    {
      title: t('lexicons.colActions'),
      key: 'actions',
      width: 130,
      render: (_, lexicon) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditor({ open: true, lexicon })}>
            {t('common:action.edit')}
          </Button>
          <Button type="link" size="small" danger onClick={() => confirmDelete(lexicon)}>
            {t('common:action.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditor({ open: true, lexicon: null })}>
          {t('lexicons.create')}
        </Button>
      </Flex>
      <QueryState query={lexicons}>
        {(data) => (
          <Table<LexiconSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data.items}
            pagination={false}
            scroll={{ x: 720 }}
            locale={{ emptyText: <Empty description={t('lexicons.empty')} /> }}
          />
        )}
      </QueryState>
      <LexiconEditor
        open={editor.open}
        lexicon={editor.lexicon}
        onClose={() => setEditor((e) => ({ ...e, open: false }))}
      />
    </>
  );
}
