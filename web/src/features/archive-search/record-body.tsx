/** One archived record's content as both the hit list and the replay show it: text, previous text, file, or why there is none. */
import { PaperClipOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArchiveHit } from './archive-search-api';
import { HighlightedText } from './highlighted-text';

export function RecordBody({ record }: { record: ArchiveHit }) {
  const { t } = useTranslation('archiveSearch');
  if (record.content === 'purged') return <Typography.Text type="secondary">{t('results.purged')}</Typography.Text>;
  if (record.content === 'unreadable') {
    return <Typography.Text type="warning">{t('results.unreadable')}</Typography.Text>;
  }
  if (record.type === 'recalled' || record.type === 'hidden') {
    return (
      <Typography.Text type="secondary">
        {t(`typeLine.${record.type}`, { name: record.sender?.name ?? '' })}
      </Typography.Text>
    );
  }
  return (
    <div>
      {record.text ? (
        <HighlightedText text={record.text} spans={record.highlights} />
      ) : record.fileName ? null : (
        <Typography.Text type="secondary">{t('results.noText')}</Typography.Text>
      )}
      {record.previousText !== null ? (
        <div style={{ marginTop: 4, color: '#8c8c8c', fontSize: 13 }}>
          {t('results.previous')}
          <HighlightedText text={record.previousText} spans={record.previousHighlights} />
        </div>
      ) : null}
      {record.fileName !== null ? (
        <div style={{ marginTop: 4, fontSize: 13 }}>
          <PaperClipOutlined style={{ marginInlineEnd: 4 }} />
          {t('results.file')}
          <HighlightedText text={record.fileName} spans={record.fileHighlights} />
        </div>
      ) : null}
    </div>
  );
}
