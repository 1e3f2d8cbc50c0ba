/** The audit filter bar: 操作人, 动作, 对象 ID and 时间范围; applying it starts again at page one. */

import { FilterOutlined } from '@ant-design/icons';
import { AUDIT_ACTIONS } from '@concord/protocol';
import { Badge, Button, DatePicker, Form, Grid, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/use-can';
import { type AuditQuery, auditQuery } from './audit-query';
import { actionLabel } from './labels';
import { MemberSelect } from './member-select';

type Values = {
  actorId?: string;
  action?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

export function AuditFilters({ onApply }: { onApply: (query: AuditQuery) => void }) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<Values>();
  const screens = Grid.useBreakpoint();
  const canSearchMembers = useCan('member.view');
  const actionOptions = AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(t, action) }));
  // On phones the filters fold away behind a button so the log itself stays in view.
  const [unfolded, setUnfolded] = useState(false);
  const [active, setActive] = useState(0);
  const apply = (values: Values) => {
    const query = auditQuery(values);
    setActive(Object.keys(query).length);
    onApply(query);
  };
  const field = { style: screens.md ? { minWidth: 200, marginBottom: 8 } : { marginBottom: 8 } };

  const folded = !screens.md && !unfolded;
  return (
    <>
      {screens.md ? null : (
        <Badge count={active} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setUnfolded((u) => !u)} style={{ marginBottom: 8 }}>
            {t('audit.filters')}
          </Button>
        </Badge>
      )}
      <Form<Values>
        form={form}
        layout={screens.md ? 'inline' : 'vertical'}
        onFinish={apply}
        style={{ marginBottom: 8, rowGap: 0, display: folded ? 'none' : undefined }}
      >
        {canSearchMembers ? (
          <Form.Item name="actorId" label={t('audit.actor')} {...field}>
            <MemberSelect />
          </Form.Item>
        ) : null}
        <Form.Item name="action" label={t('audit.action')} {...field}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: ['label', 'value'] }}
            placeholder={t('audit.actionPlaceholder')}
            options={actionOptions}
            style={{ width: screens.md ? 180 : '100%' }}
          />
        </Form.Item>
        <Form.Item name="targetId" label={t('audit.targetId')} {...field}>
          <Input allowClear placeholder={t('audit.targetIdPlaceholder')} style={{ width: screens.md ? 200 : '100%' }} />
        </Form.Item>
        <Form.Item name="range" label={t('audit.range')} {...field}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowEmpty={[true, true]}
            style={{ width: screens.md ? 340 : '100%' }}
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" style={{ marginInlineEnd: 8 }}>
            {t('audit.query')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setActive(0);
              onApply({});
            }}
          >
            {t('common:action.reset')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
