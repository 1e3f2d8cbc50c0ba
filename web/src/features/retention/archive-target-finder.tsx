/**
 * Finds an external participant (by email) or a conversation (by words, sender or a participant's
 * email) in the chat archive, and offers what it found as choices: neither is in the directory.
 */
import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Radio, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { formatDateTime } from '../admin/format';
import { MemberSelect } from '../admin/member-select';
import { conversationsOf, guestsOf } from './hold-targets';
import { useArchiveLookup } from './retention-api';

type Lookup = { q?: string; memberId?: string; guestEmail?: string };

export function ArchiveTargetFinder({
  kind,
  value,
  onChange,
}: {
  kind: 'guest' | 'conversation';
  value?: string;
  onChange?: (value: string | undefined) => void;
}) {
  const { t } = useTranslation('retention');
  const [words, setWords] = useState('');
  const [senderId, setSenderId] = useState<string | undefined>();
  const [email, setEmail] = useState('');
  const [query, setQuery] = useState<Lookup | null>(null);
  const [empty, setEmpty] = useState(false);
  const lookup = useArchiveLookup(query);
  const options = useMemo(
    () => (lookup.data ? (kind === 'guest' ? guestsOf : conversationsOf)(lookup.data.items) : []),
    [lookup.data, kind],
  );

  const find = () => {
    const next: Lookup = {
      q: kind === 'conversation' ? words.trim() || undefined : undefined,
      memberId: kind === 'conversation' ? senderId : undefined,
      guestEmail: email.trim() || undefined,
    };
    const blank = !next.q && !next.memberId && !next.guestEmail;
    setEmpty(blank);
    if (blank) return;
    onChange?.(undefined);
    setQuery(next);
  };

  const emailInput = (
    <Input
      type="email"
      allowClear
      aria-label={t('newHold.guestEmail')}
      placeholder={t('newHold.guestEmail')}
      value={email}
      onChange={(e) => setEmail(e.target.value)}
      onPressEnter={(e) => {
        e.preventDefault();
        find();
      }}
    />
  );
  const findButton = (
    <Button icon={<SearchOutlined />} onClick={find} loading={lookup.isFetching}>
      {t('newHold.find')}
    </Button>
  );

  return (
    <div>
      {kind === 'guest' ? (
        <Space.Compact style={{ width: '100%' }}>
          {emailInput}
          {findButton}
        </Space.Compact>
      ) : (
        <Flex vertical gap={8}>
          <Input
            allowClear
            aria-label={t('newHold.words')}
            placeholder={t('newHold.wordsPlaceholder')}
            value={words}
            onChange={(e) => setWords(e.target.value)}
            onPressEnter={(e) => {
              e.preventDefault();
              find();
            }}
          />
          <MemberSelect value={senderId} onChange={setSenderId} placeholder={t('newHold.sender')} />
          <Space.Compact style={{ width: '100%' }}>
            {emailInput}
            {findButton}
          </Space.Compact>
        </Flex>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px' }}>
        {kind === 'guest' ? t('newHold.guestHelp') : t('newHold.conversationHelp')}
      </Typography.Paragraph>
      {empty ? <Alert type="warning" showIcon title={t('newHold.findNeedsInput')} /> : null}
      {lookup.error ? (
        <Alert type="error" showIcon title={errorText(t, lookup.error)} data-testid="hold-lookup-error" />
      ) : null}
      {lookup.data && options.length === 0 ? (
        <Typography.Text type="secondary">{t('newHold.noneFound')}</Typography.Text>
      ) : null}
      {options.length > 0 ? (
        <Radio.Group
          value={value}
          onChange={(e) => {
            onChange?.(e.target.value as string);
          }}
          style={{ display: 'flex', flexDirection: 'column', gap: 6, maxHeight: 220, overflowY: 'auto' }}
          data-testid="hold-lookup-results"
        >
          {options.map((o) => (
            <Radio key={o.id} value={o.id}>
              {o.name}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                {t('newHold.found', { count: o.messages, time: formatDateTime(o.lastAt) })}
              </Typography.Text>
            </Radio>
          ))}
        </Radio.Group>
      ) : null}
    </div>
  );
}
