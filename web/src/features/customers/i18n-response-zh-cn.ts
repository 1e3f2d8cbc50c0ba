/** The response-time settings tab's texts in Chinese. */
export const responseZhCN = {
  tab: '响应时效',
  hint: '客户在客户会话中发来的消息，按工作时间计算首次回复用时；超过目标仍未回复时提醒负责人，超过两倍目标时提醒其主管。',
  workDays: '工作日',
  workDaysRequired: '请至少选择一个工作日',
  hours: '工作时间',
  start: '上班时间',
  end: '下班时间',
  timeZone: '时区',
  target: '首次响应目标',
  minutes: '分钟',
  escalation: '超过 {{minutes}} 个工作分钟仍未回复时提醒主管',
  save: '保存',
  saved: '响应时效设置已保存',
  defaults: '当前使用默认设置',
  weekday: { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' },
};
