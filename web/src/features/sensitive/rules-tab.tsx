/** The rule list: what each rule looks for, its action and scope, on/off, edit and delete. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Space, Switch, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/page-state';
import { errorText } from '../../lib/api/error-text';
import { type Rule, useDeleteRule, useLexicons, useRules, useSaveRule } from './api';
import { ACTION_COLOR } from './labels';
import { RuleEditor } from './rule-editor';

export function RulesTab() {
  const { t } = useTranslation('sensitive');
  const { message, modal } = App.useApp();
  const rules = useRules();
  const lexicons = useLexicons();
  const save = useSaveRule();
  const remove = useDeleteRule();
  const [editor, setEditor] = useState<{ open: boolean; rule: Rule | null }>({ open: false, rule: null });
  const lexiconName = (id: string) => lexicons.data?.items.find((l) => l.id === id)?.name ?? t('rules.deletedLexicon');

  const toggle = async (rule: Rule, enabled: boolean) => {
    try {
      await save.mutateAsync({ id: rule.id, body: { ...ruleBody(rule), enabled } });
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const confirmDelete = (rule: Rule) =>
    modal.confirm({
      title: t('rules.deleteTitle', { name: rule.name }),
      content: t('rules.deleteText'),
      okText: t('common:action.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common:action.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(rule.id);
          message.success(t('rules.deleted'));
        } catch (err) {
          message.error(errorText(t, err));
        }
      },
    });

  const columns: TableProps<Rule>['columns'] = [
    {
      title: t('rules.colName'),
      key: 'name',
      render: (_, rule) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, fontWeight: 600 }}
          onClick={() => setEditor({ open: true, rule })}
        >
          {rule.name}
        </Button>
      ),
    },
    {
      title: t('rules.colMatches'),
      key: 'matches',
      render: (_, rule) => (
        <Space size={[4, 4]} wrap>
          {rule.lexiconIds.map((id) => (
            <Tag key={id} color="purple">
              {lexiconName(id)}
            </Tag>
          ))}
          {rule.detectors.map((d) => (
            <Tag key={d}>{t(`detector.${d}`)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('rules.colAction'),
      key: 'action',
      width: 100,
      render: (_, rule) => <Tag color={ACTION_COLOR[rule.action]}>{t(`action.${rule.action}`)}</Tag>,
    },
    {
      title: t('rules.colScope'),
      key: 'scope',
      width: 150,
      render: (_, rule) =>
        rule.scope === 'departments'
          ? `${t('scope.departments')} · ${t('rules.departmentCount', { count: rule.departmentIds.length })}`
          : t(`scope.${rule.scope}`),
    },
    {
      title: t('rules.colEnabled'),
      key: 'enabled',
      width: 80,
      render: (_, rule) => (
        <Switch
          size="small"
          checked={rule.enabled}
          aria-label={t('rules.enabled')}
          onChange={(checked) => void toggle(rule, checked)}
        />
      ),
    },
    {
      title: t('rules.colActions'),
      key: 'actions',
      width: 130,
      render: (_, rule) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditor({ open: true, rule })}>
            {t('common:action.edit')}
          </Button>
          <Button type="link" size="small" danger onClick={() => confirmDelete(rule)}>
            {t('common:action.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditor({ open: true, rule: null })}>
          {t('rules.create')}
        </Button>
      </Flex>
      <QueryState query={rules}>
        {(data) => (
          <Table<Rule>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data.items}
            pagination={false}
            scroll={{ x: 760 }}
            locale={{ emptyText: <Empty description={t('rules.empty')} /> }}
          />
        )}
      </QueryState>
      <RuleEditor open={editor.open} rule={editor.rule} onClose={() => setEditor((e) => ({ ...e, open: false }))} />
    </>
  );
}

const ruleBody = (rule: Rule) => ({
  name: rule.name,
  enabled: rule.enabled,
  lexiconIds: rule.lexiconIds,
  detectors: rule.detectors,
  action: rule.action,
  scope: rule.scope,
  departmentIds: rule.departmentIds,
});
