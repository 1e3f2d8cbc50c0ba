/** Keep for ever, or keep N years / months / days: the control behind every retention period field. */
import { InputNumber, Select, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MAX_KEEP_DAYS, PERIOD_UNITS, type Period, periodProblem } from './period';

export function PeriodInput({
  value,
  onChange,
  id,
  label,
}: {
  value?: Period;
  onChange?: (value: Period) => void;
  id?: string;
  /** What the period is for, read out by screen readers. */
  label: string;
}) {
  const { t } = useTranslation('retention');
  const period = value ?? { forever: true };
  return (
    <Space.Compact>
      <Select<'forever' | 'limited'>
        id={id}
        aria-label={label}
        value={period.forever ? 'forever' : 'limited'}
        style={{ width: 140 }}
        options={[
          { value: 'forever', label: t('period.forever') },
          { value: 'limited', label: t('period.limited') },
        ]}
        onChange={(mode) =>
          onChange?.(mode === 'forever' ? { forever: true } : { forever: false, amount: 3, unit: 'year' })
        }
      />
      {period.forever ? null : (
        <>
          <InputNumber<number>
            aria-label={t('period.amount')}
            min={1}
            max={MAX_KEEP_DAYS}
            precision={0}
            value={period.amount}
            style={{ width: 96 }}
            onChange={(amount) => onChange?.({ ...period, amount })}
          />
          <Select
            aria-label={t('period.unitLabel')}
            value={period.unit}
            style={{ width: 96 }}
            options={PERIOD_UNITS.map((unit) => ({ value: unit, label: t(`period.unit.${unit}`) }))}
            onChange={(unit) => onChange?.({ ...period, unit })}
          />
        </>
      )}
    </Space.Compact>
  );
}

/** A Form.Item rule refusing a period that cannot be saved, saying why. */
export const periodRule = (t: TFunction) => ({
  validator: async (_: unknown, value: Period | undefined) => {
    const problem = periodProblem(value);
    if (problem) throw new Error(t(`period.${problem}`));
  },
});
