/**
 * Adds a customer or edits one: the same form, with the org's custom fields. A mobile or email
 * another customer already has asks first and saves only when confirmed (force).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api/api-error';
import { api, unwrap } from '../../../lib/api/client';
import { errorText } from '../../../lib/api/error-text';
import { type CustomerDetail, invalidateCustomers, useFields, useStages } from '../api';
import { type CustomerFormValues, changedFields, toCreateBody, toFormValues } from '../lib/customer-form';
import { CustomFieldInput } from './custom-field-input';
import { MemberPicker } from './member-picker';
import { TagPicker } from './tag-picker';

type Props =
  | { mode: 'create'; onClose: () => void; onCreated?: (id: string) => void }
  | { mode: 'edit'; customer: CustomerDetail; onClose: () => void };

const MOBILE = /^(\+\d{6,15}|1\d{10})$/;

type Duplicate = { id: string; name: string; owner: { name: string } };

function duplicatesOf(error: unknown): Duplicate[] | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return null;
  const details = error.details as { reason?: string; duplicates?: Duplicate[] } | undefined;
  return details?.reason === 'duplicate_customer' ? (details.duplicates ?? []) : null;
}

export function CustomerFormModal(props: Props) {
  const { t } = useTranslation('customers');
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<CustomerFormValues>();
  const fields = useFields().data ?? [];
  const stages = useStages().data ?? [];
  const editing = props.mode === 'edit' ? props.customer : null;

  const save = useMutation({
    mutationFn: async ({ values, force }: { values: CustomerFormValues; force: boolean }) => {
      if (!editing) {
        const body = { ...toCreateBody(values, fields), ...(force ? { force } : {}) };
        return unwrap(api.POST('/api/v1/customers', { body }));
      }
      const body = changedFields(editing, values, fields);
      if (Object.keys(body).length === 0) return null;
      return unwrap(
        api.PATCH('/api/v1/customers/{id}', {
          params: { path: { id: editing.id } },
          body: { ...body, ...(force ? { force } : {}) },
        }),
      );
    },
    onSuccess: async (saved) => {
      if (saved === null) {
        message.info(t('form.noChanges'));
        props.onClose();
        return;
      }
      await invalidateCustomers(client);
      message.success(editing ? t('common:saved') : t('form.created'));
      if (props.mode === 'create') props.onCreated?.(saved.id);
      props.onClose();
    },
    onError: (err, { values }) => {
      const duplicates = duplicatesOf(err);
      if (!duplicates) {
        message.error(errorText(t, err));
        return;
      }
      modal.confirm({
        title: t('form.duplicateTitle'),
        content: (
          <div data-testid="duplicate-warning">
            <p>{t('form.duplicateText')}</p>
            <ul style={{ paddingInlineStart: 20 }}>
              {duplicates.map((d) => (
                <li key={d.id}>{t('form.duplicateItem', { name: d.name, owner: d.owner.name })}</li>
              ))}
            </ul>
          </div>
        ),
        okText: t('form.saveAnyway'),
        cancelText: t('common:action.cancel'),
        onOk: () => save.mutate({ values, force: true }),
      });
    },
  });

  const initialValues: Partial<CustomerFormValues> = editing ? toFormValues(editing) : { gender: 'unknown' };
  const half = { xs: 24, sm: 12 };
  const genders = (['unknown', 'male', 'female'] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }));

  return (
    <Modal
      open
      title={editing ? t('form.editTitle') : t('form.addTitle')}
      width={720}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        name="customer"
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => save.mutate({ values, force: false })}
      >
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="name"
              label={t('field.name')}
              rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }, { max: 64 }]}
            >
              <Input placeholder={t('form.namePlaceholder')} maxLength={64} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="company" label={t('field.company')} rules={[{ max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="title" label={t('field.title')} rules={[{ max: 64 }]}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="region" label={t('field.region')} rules={[{ max: 64 }]}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="mobile"
              label={t('field.mobile')}
              extra={editing?.contactMasked ? t('form.maskedHint') : undefined}
              rules={[
                {
                  validator: (_, value?: string) =>
                    !value?.trim() || value === editing?.mobile || MOBILE.test(value.replace(/[\s-]/g, ''))
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('form.mobileInvalid'))),
                },
              ]}
            >
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="email"
              label={t('field.email')}
              rules={[
                {
                  validator: (_, value?: string) =>
                    !value?.trim() || value === editing?.email || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('form.emailInvalid'))),
                },
              ]}
            >
              <Input inputMode="email" maxLength={254} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="gender" label={t('field.gender')}>
              <Select options={genders} />
            </Form.Item>
          </Col>
          {editing ? null : (
            <Col {...half}>
              <Form.Item name="stageId" label={t('field.stage')}>
                <Select
                  options={stages.map((s) => ({ value: s.id, label: s.name }))}
                  placeholder={stages.find((s) => s.kind === 'open')?.name}
                  allowClear
                />
              </Form.Item>
            </Col>
          )}
          {editing ? null : (
            <Col {...half}>
              <Form.Item name="ownerId" label={t('field.owner')} extra={t('form.ownerHint')}>
                <MemberPicker />
              </Form.Item>
            </Col>
          )}
          <Col {...half}>
            <Form.Item name="followerIds" label={t('field.followers')}>
              <MemberPicker multiple known={editing?.followers.map((f) => ({ value: f.id, label: f.name })) ?? []} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="tagIds" label={t('field.tags')}>
              <TagPicker />
            </Form.Item>
          </Col>
          {fields.map((field) => (
            <Col {...half} key={field.id}>
              <Form.Item
                name={['custom', field.id]}
                label={field.name}
                rules={
                  field.required ? [{ required: true, message: t('form.fieldRequired', { name: field.name }) }] : []
                }
              >
                <CustomFieldInput field={field} />
              </Form.Item>
            </Col>
          ))}
          <Col span={24}>
            <Form.Item name="remark" label={t('field.remark')} rules={[{ max: 1000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
