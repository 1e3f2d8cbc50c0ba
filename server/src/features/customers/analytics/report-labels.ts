/** Sheet names, headers and words of the analytics XLSX files, in each language a requester may use. */
import type { FollowUpKind } from '../follow-up-schemas.js';
import type { StageKind } from '../stages.js';
import { REPORT_LANGUAGES, type ReportLanguage, type ResponseBucket } from './analytics-schemas.js';
import type { Interval } from './time-buckets.js';

export type ReportLabels = {
  meta: { exportedBy: string; exportedAt: string; range: string; timeZone: string; all: string };
  total: string;
  funnel: { sheet: string; headers: readonly string[]; kinds: Record<StageKind, string> };
  trend: { sheet: string; period: Record<Interval, string>; headers: readonly string[] };
  followUps: {
    memberSheet: string;
    departmentSheet: string;
    member: string;
    department: string;
    kinds: Record<FollowUpKind, string>;
  };
  responseTime: {
    memberSheet: string;
    distributionSheet: string;
    headers: readonly string[];
    distributionHeaders: readonly string[];
    buckets: Record<ResponseBucket, string>;
  };
};

export const REPORT_LABELS: Record<ReportLanguage, ReportLabels> = {
  'zh-CN': {
    meta: { exportedBy: '导出人', exportedAt: '导出时间', range: '时间范围', timeZone: '时区', all: '全部' },
    total: '合计',
    funnel: {
      sheet: '销售漏斗',
      headers: ['阶段', '类型', '到达客户数', '当前客户数', '较上一阶段转化率', '较首阶段转化率'],
      kinds: { open: '进行中', won: '成交', lost: '流失' },
    },
    trend: {
      sheet: '新增与流失客户',
      period: { day: '日期', week: '周（自周一起）', month: '月份（自1日起）' },
      headers: ['新增客户', '流失客户'],
    },
    followUps: {
      memberSheet: '跟进统计（按成员）',
      departmentSheet: '跟进统计（按部门）',
      member: '成员',
      department: '部门',
      kinds: { call: '电话', visit: '拜访', message: '消息', note: '备注' },
    },
    responseTime: {
      memberSheet: '响应时效（按成员）',
      distributionSheet: '响应时长分布',
      headers: [
        '成员',
        '部门',
        '客户消息数',
        '已回复',
        '首次响应中位数（工作分钟）',
        '首次响应 P90（工作分钟）',
        '超时',
      ],
      distributionHeaders: ['首次响应时长（工作分钟）', '消息数'],
      buckets: {
        lt1: '1 分钟内',
        '1to5': '1–5 分钟',
        '5to10': '5–10 分钟',
        '10to30': '10–30 分钟',
        '30to60': '30–60 分钟',
        gt60: '60 分钟以上',
      },
    },
  },
  en: {
    meta: { exportedBy: 'Exported by', exportedAt: 'Exported at', range: 'Range', timeZone: 'Time zone', all: 'All' },
    total: 'Total',
    funnel: {
      sheet: 'Funnel',
      headers: ['Stage', 'Kind', 'Customers reached', 'Customers now', 'From previous stage', 'From first stage'],
      kinds: { open: 'Open', won: 'Won', lost: 'Lost' },
    },
    trend: {
      sheet: 'New and lost customers',
      period: { day: 'Day', week: 'Week (from Monday)', month: 'Month (from the 1st)' },
      headers: ['New customers', 'Lost customers'],
    },
    followUps: {
      memberSheet: 'Follow-ups by member',
      departmentSheet: 'Follow-ups by department',
      member: 'Member',
      department: 'Department',
      kinds: { call: 'Calls', visit: 'Visits', message: 'Messages', note: 'Notes' },
    },
    responseTime: {
      memberSheet: 'Response time by member',
      distributionSheet: 'Response time distribution',
      headers: [
        'Member',
        'Department',
        'Customer messages',
        'Answered',
        'Median first response (working min)',
        'P90 first response (working min)',
        'Overdue',
      ],
      distributionHeaders: ['First response (working minutes)', 'Messages'],
      buckets: {
        lt1: 'Under 1 min',
        '1to5': '1–5 min',
        '5to10': '5–10 min',
        '10to30': '10–30 min',
        '30to60': '30–60 min',
        gt60: 'Over 60 min',
      },
    },
  },
};

/** The requested language, else the first known one in Accept-Language, else Chinese. */
export function reportLanguage(
  requested: ReportLanguage | undefined,
  acceptLanguage: string | undefined,
): ReportLanguage {
  if (requested) return requested;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return REPORT_LANGUAGES[0];
}
