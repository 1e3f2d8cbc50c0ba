/** Translated chat times (see time-format.ts). */
import { useTranslation } from 'react-i18next';
import { listTimeLabel, timeLabel } from './time-format';

export function useTimeText() {
  const { t } = useTranslation('messages');
  return {
    full: (iso: string) => {
      const label = timeLabel(iso, new Date());
      return t(`time.${label.key}`, label.params);
    },
    short: (iso: string) => {
      const label = listTimeLabel(iso, new Date());
      return t(`time.${label.key}`, label.params);
    },
  };
}
