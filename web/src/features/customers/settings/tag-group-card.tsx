/** One tag group: its tags (removable), adding a tag inline, renaming and deleting the group. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagGroup } from '../api';
import { tagApi, useTagMutation } from './tag-mutations';

export function TagGroupCard({ group, editable }: { group: TagGroup; editable: boolean }) {
  const { t } = useTranslation('customers');
  const { modal } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const addTag = useTagMutation(tagApi.addTag);
  const removeTag = useTagMutation(tagApi.removeTag, t('tags.deleted'));
  const rename = useTagMutation(tagApi.rename);
  const remove = useTagMutation(tagApi.remove, t('tags.deleted'));

  const submitTag = () => {
    const trimmed = name.trim();
    if (trimmed) addTag.mutate({ id: group.id, name: trimmed }, { onSuccess: () => setName('') });
    setAdding(false);
  };
  const submitRename = () => {
    const trimmed = renaming?.trim();
    if (trimmed && trimmed !== group.name) rename.mutate({ id: group.id, name: trimmed });
    setRenaming(null);
  };
  const confirmRemoveTag = (tag: { id: string; name: string }) =>
    modal.confirm({
      title: t('common:action.delete'),
      content: t('tags.deleteTagConfirm', { name: tag.name }),
      okButtonProps: { danger: true },
      okText: t('common:action.delete'),
      cancelText: t('common:action.cancel'),
      onOk: () => removeTag.mutateAsync({ id: group.id, tagId: tag.id }),
    });
  const confirmRemove = () =>
    modal.confirm({
      title: t('tags.deleteGroup'),
      content: t('tags.deleteGroupConfirm', { name: group.name }),
      okButtonProps: { danger: true },
      okText: t('common:action.delete'),
      cancelText: t('common:action.cancel'),
      onOk: () => remove.mutateAsync(group.id),
    });

  const title =
    renaming !== null ? (
      <Input
        size="small"
        autoFocus
        value={renaming}
        maxLength={32}
        onChange={(e) => setRenaming(e.target.value)}
        onPressEnter={submitRename}
        onBlur={submitRename}
        aria-label={t('tags.groupName')}
        style={{ maxWidth: 240 }}
      />
    ) : (
      group.name
    );
  return (
    <Card
      size="small"
      type="inner"
      title={title}
      data-testid={`tag-group-${group.name}`}
      extra={
        editable ? (
          <Space size={4}>
            <Button size="small" type="link" onClick={() => setRenaming(group.name)}>
              {t('tags.rename')}
            </Button>
            <Button size="small" type="link" danger onClick={confirmRemove}>
              {t('tags.deleteGroup')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Space size={[4, 8]} wrap>
        {group.tags.map((tag) => (
          <Tag
            key={tag.id}
            closable={editable}
            onClose={(e) => {
              e.preventDefault();
              confirmRemoveTag(tag);
            }}
          >
            {tag.name}
          </Tag>
        ))}
        {editable && adding ? (
          <Input
            size="small"
            autoFocus
            value={name}
            maxLength={32}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={submitTag}
            onBlur={submitTag}
            aria-label={t('tags.tagName')}
            style={{ width: 120 }}
          />
        ) : null}
        {editable && !adding ? (
          <Tag onClick={() => setAdding(true)} style={{ cursor: 'pointer', borderStyle: 'dashed' }}>
            <PlusOutlined /> {t('tags.addTag')}
          </Tag>
        ) : null}
      </Space>
    </Card>
  );
}
