/** The dashboard's filters: date range, owner, department (with those below) and the trend's period. */
import { Button, DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DepartmentTreeSelect } from '../../directory/components/department-tree-select';
import { MemberPicker } from '../components/member-picker';
import type { AnalyticsFilter, Interval } from './analytics-api';

const INTERVALS: Interval[] = ['day', 'week', 'month'];

type Props = { filter: AnalyticsFilter; onChange: (next: AnalyticsFilter) => void };

export function AnalyticsFilters({ filter, onChange }: Props) {
  const { t } = useTranslation('customerAnalytics');
  const range: [Dayjs, Dayjs] | null = filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null;
  return (
    <Form layout="inline" style={{ rowGap: 8 }}>
      <Form.Item label={t('filter.range')}>
        <DatePicker.RangePicker
          value={range}
          format="YYYY-MM-DD"
          onChange={(dates) =>
            onChange({
              ...filter,
              from: dates?.[0]?.format('YYYY-MM-DD') ?? undefined,
              to: dates?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
        />
      </Form.Item>
      <Form.Item label={t('filter.owner')}>
        <MemberPicker
          value={filter.ownerId ?? null}
          placeholder={t('filter.ownerPlaceholder')}
          aria-label={t('filter.owner')}
          style={{ width: 180 }}
          onChange={(value) => onChange({ ...filter, ownerId: typeof value === 'string' ? value : undefined })}
        />
      </Form.Item>
      <Form.Item label={t('filter.department')} style={{ minWidth: 220 }}>
        <DepartmentTreeSelect
          value={filter.departmentId}
          placeholder={t('filter.departmentPlaceholder')}
          onChange={(value) =>
            onChange({ ...filter, departmentId: typeof value === 'string' && value ? value : undefined })
          }
        />
      </Form.Item>
      <Form.Item label={t('filter.interval')}>
        <Select
          value={filter.interval ?? 'day'}
          style={{ width: 100 }}
          options={INTERVALS.map((value) => ({ value, label: t(`interval.${value}`) }))}
          onChange={(interval: Interval) => onChange({ ...filter, interval })}
        />
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onChange({})}>{t('filter.reset')}</Button>
      </Form.Item>
    </Form>
  );
}
