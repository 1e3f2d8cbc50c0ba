/** The list's filters: keyword, stage, owner, source, sort, and tags (all of / any of / none of). */
import { Button, Col, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerFilter, useStages } from '../api';
import { MemberPicker } from './member-picker';
import { TagPicker } from './tag-picker';

type Props = { filter: CustomerFilter; onChange: (next: CustomerFilter) => void };

export function CustomerFilters({ filter, onChange }: Props) {
  const { t } = useTranslation('customers');
  const stages = useStages().data ?? [];
  const [q, setQ] = useState(filter.q ?? '');
  useEffect(() => setQ(filter.q ?? ''), [filter.q]);
  const set = (patch: Partial<CustomerFilter>) => onChange({ ...filter, ...patch });
  const tags = (key: 'tagsAll' | 'tagsAny' | 'tagsNone') => (ids: string[]) =>
    set({ [key]: ids.length > 0 ? ids : undefined });
  const sources = (['manual', 'import', 'contact_link'] as const).map((s) => ({ value: s, label: t(`source.${s}`) }));
  const third = { xs: 24, sm: 12, lg: 8 };
  const quarter = { xs: 24, sm: 12, lg: 6 };
  const cleared: CustomerFilter = filter.deleted ? { deleted: true } : {};

  return (
    <Row gutter={[8, 8]}>
      <Col {...quarter}>
        <Input.Search
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => set({ q: value.trim() || undefined })}
          placeholder={t('filter.search')}
          aria-label={t('filter.searchLabel')}
          allowClear
        />
      </Col>
      <Col {...quarter}>
        <Select
          value={filter.stageId}
          onChange={(stageId) => set({ stageId })}
          options={stages.map((s) => ({ value: s.id, label: s.name }))}
          placeholder={t('filter.stage')}
          aria-label={t('filter.stage')}
          allowClear
          style={{ width: '100%' }}
        />
      </Col>
      <Col {...quarter}>
        <MemberPicker
          value={filter.ownerId}
          onChange={(ownerId) => set({ ownerId: typeof ownerId === 'string' ? ownerId : undefined })}
          placeholder={t('filter.owner')}
          aria-label={t('filter.owner')}
        />
      </Col>
      <Col {...quarter}>
        <Row gutter={8} wrap={false}>
          <Col flex="1">
            <Select
              value={filter.source}
              onChange={(source) => set({ source })}
              options={sources}
              placeholder={t('filter.source')}
              aria-label={t('filter.source')}
              allowClear
              style={{ width: '100%' }}
            />
          </Col>
          <Col flex="1">
            <Select
              value={filter.sort ?? 'pinyin'}
              onChange={(sort) => set({ sort: sort === 'updated' ? 'updated' : undefined })}
              options={[
                { value: 'pinyin', label: t('filter.sortPinyin') },
                { value: 'updated', label: t('filter.sortUpdated') },
              ]}
              aria-label={t('filter.sort')}
              style={{ width: '100%' }}
            />
          </Col>
        </Row>
      </Col>
      <Col {...third}>
        <TagPicker
          value={filter.tagsAll ?? []}
          onChange={tags('tagsAll')}
          placeholder={t('filter.tagsAll')}
          aria-label={t('filter.tagsAll')}
        />
      </Col>
      <Col {...third}>
        <TagPicker
          value={filter.tagsAny ?? []}
          onChange={tags('tagsAny')}
          placeholder={t('filter.tagsAny')}
          aria-label={t('filter.tagsAny')}
        />
      </Col>
      <Col {...third}>
        <Row gutter={8} wrap={false}>
          <Col flex="1">
            <TagPicker
              value={filter.tagsNone ?? []}
              onChange={tags('tagsNone')}
              placeholder={t('filter.tagsNone')}
              aria-label={t('filter.tagsNone')}
            />
          </Col>
          <Col>
            <Button onClick={() => onChange(cleared)}>{t('filter.reset')}</Button>
          </Col>
        </Row>
      </Col>
    </Row>
  );
}
