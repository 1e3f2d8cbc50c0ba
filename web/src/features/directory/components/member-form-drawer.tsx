/** Adds a member or edits one: the same form; an edit PATCHes only the fields that changed. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Drawer, Form, Grid, Input, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { invalidateDirectory, type MemberDetail } from '../api/queries';
import { changedFields, type MemberFormValues, toFormValues, toMemberBody } from '../lib/member-form';
import { useErrorText } from '../use-error-text';
import { DepartmentTreeSelect } from './department-tree-select';
import { MemberSelect } from './member-select';

type Props =
  | { mode: 'create'; departmentId?: string; onClose: () => void; onCreated?: (id: string) => void }
  | { mode: 'edit'; member: MemberDetail; onClose: () => void };

const MOBILE = /^(\+\d{6,15}|1\d{10})$/;

export function MemberFormDrawer(props: Props) {
  const { t } = useTranslation('directory');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const narrow = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<MemberFormValues>();
  const editing = props.mode === 'edit' ? props.member : null;

  const save = useMutation({
    mutationFn: async (values: MemberFormValues) => {
      if (!editing) {
        const password = values.password?.trim() ? values.password : undefined;
        return unwrap(api.POST('/api/v1/members', { body: { ...toMemberBody(values), password } }));
      }
      const body = changedFields(editing, values);
      if (Object.keys(body).length === 0) return null;
      return unwrap(api.PATCH('/api/v1/members/{id}', { params: { path: { id: editing.id } }, body }));
    },
    onSuccess: async (saved) => {
      if (saved === null) {
        message.info(t('member.noChanges'));
        props.onClose();
        return;
      }
      await invalidateDirectory(client);
      message.success(editing ? t('common:saved') : t('member.created'));
      if (props.mode === 'create') props.onCreated?.(saved.id);
      props.onClose();
    },
    onError: (err) => {
      message.error(errorText(err));
    },
  });

  const initialValues: Partial<MemberFormValues> = editing
    ? toFormValues(editing)
    : { primaryDepartmentId: props.mode === 'create' ? props.departmentId : undefined };
  const half = { xs: 24, sm: 12 };

  return (
    <Drawer
      open
      title={editing ? t('member.editTitle') : t('member.addTitle')}
      size={narrow ? '100%' : 600}
      onClose={props.onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={props.onClose}>{t('common:action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common:action.save')}
          </Button>
        </Space>
      }
    >
      <Form
        name="member"
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => save.mutate(values)}
      >
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="name"
              label={t('member.name')}
              rules={[{ required: true, whitespace: true, message: t('member.nameRequired') }, { max: 64 }]}
            >
              <Input placeholder={t('member.namePlaceholder')} maxLength={64} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="title" label={t('member.title')} rules={[{ max: 64 }]}>
              <Input placeholder={t('member.titlePlaceholder')} maxLength={64} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="mobile"
              label={t('member.mobile')}
              rules={[
                {
                  validator: (_, value?: string) =>
                    !value?.trim() || MOBILE.test(value.replace(/[\s-]/g, ''))
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('member.mobileInvalid'))),
                },
              ]}
            >
              <Input placeholder={t('member.mobilePlaceholder')} inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="email"
              label={t('member.email')}
              rules={[{ type: 'email', message: t('member.emailInvalid') }]}
            >
              <Input placeholder={t('member.emailPlaceholder')} inputMode="email" maxLength={254} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="primaryDepartmentId"
              label={t('member.primaryDepartment')}
              rules={[{ required: true, message: t('member.primaryDepartmentRequired') }]}
            >
              <DepartmentTreeSelect />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="extraDepartmentIds" label={t('member.extraDepartments')}>
              <DepartmentTreeSelect multiple placeholder={t('member.extraDepartmentsPlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="supervisorId" label={t('member.supervisor')}>
              <MemberSelect
                placeholder={t('member.supervisorPlaceholder')}
                knownOptions={
                  editing?.supervisor ? [{ value: editing.supervisor.id, label: editing.supervisor.name }] : []
                }
                excludeIds={editing ? [editing.id] : undefined}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="joinedOn" label={t('member.joinedOn')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          {editing ? null : (
            <Col span={24}>
              <Form.Item
                name="password"
                label={t('member.password')}
                extra={t('member.passwordHelp')}
                rules={[{ min: 8, message: t('member.passwordTooShort') }, { max: 128 }]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Drawer>
  );
}
