/**
 * 离职交接: offboards a member in one action — sign-in disabled, customers and open follow-ups to
 * one successor or spread over several colleagues, owned groups to the successor — and shows the
 * handover report the server returns.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Modal, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api/api-error';
import { api, unwrap } from '../../../lib/api/client';
import type { paths } from '../../../lib/api/schema.gen';
import { invalidateDirectory, type MemberDetail } from '../api/queries';
import { useErrorText } from '../use-error-text';
import { MemberSelect } from './member-select';

type Report = paths['/api/v1/members/{id}/offboard']['post']['responses'][200]['content']['application/json'];
type Props = { member: MemberDetail; open: boolean; onClose: () => void };

const REASONS = ['unassigned_customers', 'member_customer_limit', 'not_owned', 'self'];

export function OffboardMemberModal({ member, open, onClose }: Props) {
  const { t } = useTranslation('directory');
  const errorText = useErrorText();
  const client = useQueryClient();
  const [mode, setMode] = useState<'successor' | 'spread'>('successor');
  const [successorId, setSuccessorId] = useState<string | undefined>();
  const [spreadOver, setSpreadOver] = useState<string[]>([]);
  const offboard = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/members/{id}/offboard', {
          params: { path: { id: member.id } },
          body: {
            ...(successorId ? { successorId } : {}),
            ...(mode === 'spread' && spreadOver.length > 0 ? { spreadOver } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await invalidateDirectory(client);
      await client.invalidateQueries({ queryKey: ['customers'] });
    },
  });
  const report: Report | undefined = offboard.data;

  const refusal = (error: unknown): string => {
    if (error instanceof ApiError) {
      const details = (error.details ?? {}) as Record<string, unknown>;
      const reason = typeof details.reason === 'string' ? details.reason : '';
      if (REASONS.includes(reason)) {
        const ids = Array.isArray(details.customerIds) ? details.customerIds.length : 0;
        return t(`offboard.error.${reason}`, { ...details, count: ids });
      }
    }
    return errorText(error);
  };

  const ready = mode === 'successor' ? true : spreadOver.length > 0;
  const footer = report
    ? [
        <Button key="close" type="primary" onClick={onClose}>
          {t('offboard.close')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t('common:action.cancel')}
        </Button>,
        <Button
          key="submit"
          danger
          type="primary"
          disabled={!ready}
          loading={offboard.isPending}
          onClick={() => offboard.mutate()}
        >
          {t('offboard.submit')}
        </Button>,
      ];

  return (
    <Modal open={open} title={t('offboard.title')} footer={footer} onCancel={onClose} destroyOnHidden width={600}>
      {report ? (
        <OffboardReport report={report} />
      ) : (
        <>
          <Typography.Paragraph>{t('offboard.intro', { name: member.name })}</Typography.Paragraph>
          <Form layout="vertical">
            <Form.Item label={t('offboard.mode')}>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
                <Radio value="successor">{t('offboard.modeSuccessor')}</Radio>
                <Radio value="spread">{t('offboard.modeSpread')}</Radio>
              </Radio.Group>
            </Form.Item>
            {mode === 'spread' ? (
              <Form.Item label={t('offboard.spreadOver')} extra={t('offboard.spreadHelp')} htmlFor="offboard-spread">
                <MemberSelect
                  id="offboard-spread"
                  multiple
                  value={spreadOver}
                  onChange={(value) => setSpreadOver(Array.isArray(value) ? value : [])}
                  excludeIds={[member.id]}
                />
              </Form.Item>
            ) : null}
            <Form.Item
              label={mode === 'successor' ? t('offboard.successor') : t('offboard.groupSuccessor')}
              extra={mode === 'successor' ? t('offboard.successorHelp') : t('offboard.groupSuccessorHelp')}
              htmlFor="offboard-successor"
            >
              <MemberSelect
                id="offboard-successor"
                value={successorId ?? null}
                onChange={(value) => setSuccessorId(typeof value === 'string' ? value : undefined)}
                excludeIds={[member.id]}
                placeholder={t('detail.successorPlaceholder')}
              />
            </Form.Item>
          </Form>
          {offboard.error ? <Alert type="error" showIcon title={refusal(offboard.error)} /> : null}
        </>
      )}
    </Modal>
  );
}

function OffboardReport({ report }: { report: Report }) {
  const { t } = useTranslation('directory');
  return (
    <>
      <Descriptions column={1} size="small" title={t('offboard.reportTitle')} style={{ marginBottom: 12 }}>
        <Descriptions.Item>{t('offboard.reportSignIn', { count: report.signIn.sessionsRevoked })}</Descriptions.Item>
        <Descriptions.Item>
          {report.groups.successor
            ? t('offboard.reportGroups', { count: report.groups.owned, name: report.groups.successor.name })
            : t('offboard.reportGroupsAuto', { count: report.groups.owned })}
        </Descriptions.Item>
        <Descriptions.Item>{t('offboard.reportTodos', { count: report.todos.open })}</Descriptions.Item>
        <Descriptions.Item>
          {t('offboard.reportCustomers', {
            total: report.customers.total,
            followUps: report.customers.followUps,
            cancelled: report.customers.waitingCancelled,
          })}
        </Descriptions.Item>
      </Descriptions>
      {report.successors.length > 0 ? (
        <Table
          size="small"
          rowKey={(r) => r.member.id}
          pagination={false}
          dataSource={report.successors}
          columns={[
            { title: t('offboard.colSuccessor'), render: (_, r) => r.member.name },
            { title: t('offboard.colCustomers'), render: (_, r) => r.customers },
            { title: t('offboard.colFollowUps'), render: (_, r) => r.followUps },
          ]}
        />
      ) : null}
    </>
  );
}
