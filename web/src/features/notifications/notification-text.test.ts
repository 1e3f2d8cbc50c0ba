import type { NotificationItem } from '@concord/protocol';
import { describe, expect, it } from 'vitest';
import { notificationText } from './notification-text';

const item = (over: Partial<NotificationItem>): NotificationItem => ({
  id: 'n1',
  kind: 'follow_up_due',
  data: {},
  link: null,
  createdAt: '2026-12-04T08:00:00.000Z',
  readAt: null,
  ...over,
});

describe('notification text', () => {
  it('names the customer of a follow-up or a declined transfer, and the to-do’s message', () => {
    expect(notificationText(item({ data: { customerName: '王总' } }))).toEqual({
      key: 'followUpDue',
      values: { customer: '王总' },
    });
    expect(notificationText(item({ kind: 'transfer_declined', data: { customerName: '李四' } })).key).toBe(
      'transferDeclined',
    );
    expect(notificationText(item({ kind: 'todo_due', data: { excerpt: '周三前提交预算' } }))).toEqual({
      key: 'todoDue',
      values: { excerpt: '周三前提交预算' },
    });
  });

  it('lists received customers, saying when there are more than the names shown', () => {
    const few = item({ kind: 'customers_received', data: { count: 2, names: ['张三', '李四'] } });
    expect(notificationText(few)).toEqual({ key: 'customersReceived', values: { count: 2, names: '张三、李四' } });
    const many = item({ kind: 'customers_received', data: { count: 5, names: ['A', 'B', 'C'] } });
    expect(notificationText(many, ', ')).toEqual({
      key: 'customersReceivedMore',
      values: { count: 5, names: 'A, B, C' },
    });
  });

  it('tells the owner how long a customer has waited, and the supervisor whose customer it is', () => {
    const owner = item({ kind: 'customer_waiting', data: { customerName: '赵女士', minutes: 10 } });
    expect(notificationText(owner)).toEqual({ key: 'customerWaiting', values: { customer: '赵女士', minutes: 10 } });
    const escalated = item({
      kind: 'customer_waiting_escalated',
      data: { customerName: '赵女士', ownerName: '销售小王', minutes: 20 },
    });
    expect(notificationText(escalated)).toEqual({
      key: 'customerWaitingEscalated',
      values: { customer: '赵女士', owner: '销售小王', minutes: 20 },
    });
  });

  it('words a post waiting for review, and its approval or rejection with the reason', () => {
    expect(notificationText(item({ kind: 'post_review_requested', data: { excerpt: '新品上市' } }))).toEqual({
      key: 'postReviewRequested',
      values: { excerpt: '新品上市' },
    });
    expect(
      notificationText(
        item({ kind: 'post_reviewed', data: { excerpt: '新品上市', outcome: 'rejected', reason: '图片不清晰' } }),
      ),
    ).toEqual({ key: 'postRejected', values: { excerpt: '新品上市', reason: '图片不清晰' } });
    expect(
      notificationText(item({ kind: 'post_reviewed', data: { excerpt: '新品上市', outcome: 'approved' } })).key,
    ).toBe('postApproved');
  });

  it('words a customer’s comment on a post with who wrote it and how it starts', () => {
    expect(
      notificationText(item({ kind: 'post_commented', data: { customerName: '周女士', excerpt: '周六可以去看看吗' } })),
    ).toEqual({ key: 'postCommented', values: { customer: '周女士', excerpt: '周六可以去看看吗' } });
  });
});
