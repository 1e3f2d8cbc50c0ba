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
    postReviewRequested: '有一条客户朋友圈待审核：{{excerpt}}',
    postApproved: '你的客户朋友圈已通过审核：{{excerpt}}',
    postRejected: '你的客户朋友圈被驳回：{{excerpt}}（{{reason}}）',
  },
};
