export const zhCN = {
  bell: '通知',
  title: '通知',
  markAllRead: '全部已读',
  empty: '暂无通知',
  unread: '{{count}} 条未读通知',
  newNotification: '新通知',
  kinds: {
    todoDue: '待办即将到期：{{excerpt}}',
    followUpDue: '该跟进客户 {{customer}} 了',
    customersReceived: '{{count}} 位客户已转给你：{{names}}',
    customersReceivedMore: '{{count}} 位客户已转给你：{{names}} 等',
    transferDeclined: '客户 {{customer}} 拒绝了转接，仍由原负责人服务',
    massMessagePendingApproval: '{{author}} 提交了客户群发，等待你审批：{{excerpt}}',
    massMessageApproved: '你的客户群发已通过审批：{{excerpt}}',
    massMessageRejected: '你的客户群发被驳回（{{reason}}）：{{excerpt}}',
    massMessageConfirm: '{{author}} 的客户群发需要你确认发送给你的客户：{{excerpt}}',
  },
};
