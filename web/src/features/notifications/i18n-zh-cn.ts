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
    customerWaiting: '客户 {{customer}} 的消息已等待 {{minutes}} 分钟（工作时间），请尽快回复',
    customerWaitingEscalated: '{{owner}} 的客户 {{customer}} 的消息已等待 {{minutes}} 分钟（工作时间）仍未回复',
  },
};
