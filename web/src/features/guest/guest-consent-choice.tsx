/** On the join page of an archived group: the org's archive notice and the visitor's 同意 / 拒绝. */
import { Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export type GuestChoice = 'agreed' | 'declined';

export function NoticeText({ text }: { text: string }) {
  return (
    <div
      data-testid="guest-archive-notice"
      style={{
        whiteSpace: 'pre-wrap',
        maxHeight: 220,
        overflowY: 'auto',
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        padding: 10,
        fontSize: 13,
        marginBottom: 8,
      }}
    >
      {text}
    </div>
  );
}

export function GuestConsentChoice({
  org,
  notice,
  value,
  onChange,
}: {
  org: string;
  notice: { version: number; text: string };
  value?: GuestChoice;
  onChange?: (value: GuestChoice) => void;
}) {
  const { t } = useTranslation('consent');
  return (
    <div>
      <Typography.Paragraph style={{ marginBottom: 6 }}>{t('guest.intro', { org })}</Typography.Paragraph>
      <NoticeText text={notice.text} />
      <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as GuestChoice)}>
        <Radio value="agreed">{t('guest.agree')}</Radio>
        <Radio value="declined">{t('guest.decline')}</Radio>
      </Radio.Group>
    </div>
  );
}
