/** The demo org 星河零售: its departments and 30 members, as plain data for the demo seeding. */
import type { BuiltinRole } from '@concord/protocol';

export const DEMO_ORG_NAME = '星河零售';
export const DEMO_EMAIL_DOMAIN = 'xinghe-retail.example';

export type DemoDepartmentKey = 'hq' | 'east' | 'south' | 'shanghai' | 'hangzhou' | 'guangzhou' | 'shenzhen';

/** Tree order: a parent comes before its children. `hq` is the org's root department. */
export const DEMO_DEPARTMENTS: { key: DemoDepartmentKey; name: string; parent: DemoDepartmentKey | null }[] = [
  { key: 'hq', name: '总部', parent: null },
  { key: 'east', name: '华东区', parent: 'hq' },
  { key: 'south', name: '华南区', parent: 'hq' },
  { key: 'shanghai', name: '上海南京路店', parent: 'east' },
  { key: 'hangzhou', name: '杭州西湖店', parent: 'east' },
  { key: 'guangzhou', name: '广州天河店', parent: 'south' },
  { key: 'shenzhen', name: '深圳南山店', parent: 'south' },
];

export type DemoMember = {
  /** Local part of the email; also the key supervisors refer to. */
  login: string;
  name: string;
  title: string;
  department: DemoDepartmentKey;
  supervisor: string | null;
  /** Heads their department. */
  head?: boolean;
  roles: BuiltinRole[];
};

/** The first member is the owner (created with the org); `admin` is the login printed. */
export const DEMO_MEMBERS: DemoMember[] = [
  {
    login: 'chen.zhiyuan',
    name: '陈志远',
    title: '总经理',
    department: 'hq',
    supervisor: null,
    head: true,
    roles: ['owner'],
  },
  {
    login: 'lin.xiaowen',
    name: '林晓雯',
    title: '信息化主管',
    department: 'hq',
    supervisor: 'chen.zhiyuan',
    roles: ['admin'],
  },
  {
    login: 'wang.lijuan',
    name: '王丽娟',
    title: '人事专员',
    department: 'hq',
    supervisor: 'chen.zhiyuan',
    roles: ['hr'],
  },
  {
    login: 'zhao.min',
    name: '赵敏',
    title: '财务经理',
    department: 'hq',
    supervisor: 'chen.zhiyuan',
    roles: ['finance'],
  },
  {
    login: 'sun.jianguo',
    name: '孙建国',
    title: '内审专员',
    department: 'hq',
    supervisor: 'chen.zhiyuan',
    roles: ['auditor'],
  },
  { login: 'wu.lei', name: '吴磊', title: '运营总监', department: 'hq', supervisor: 'chen.zhiyuan', roles: [] },
  { login: 'zhou.ting', name: '周婷', title: '行政助理', department: 'hq', supervisor: 'chen.zhiyuan', roles: [] },
  {
    login: 'liu.qiang',
    name: '刘强',
    title: '区域经理',
    department: 'east',
    supervisor: 'chen.zhiyuan',
    head: true,
    roles: ['supervisor'],
  },
  { login: 'zheng.xue', name: '郑雪', title: '区域督导', department: 'east', supervisor: 'liu.qiang', roles: [] },
  {
    login: 'huang.haifeng',
    name: '黄海峰',
    title: '区域经理',
    department: 'south',
    supervisor: 'chen.zhiyuan',
    head: true,
    roles: ['supervisor'],
  },
  {
    login: 'zhang.wei',
    name: '张伟',
    title: '店长',
    department: 'shanghai',
    supervisor: 'liu.qiang',
    head: true,
    roles: ['supervisor'],
  },
  { login: 'li.na', name: '李娜', title: '导购', department: 'shanghai', supervisor: 'zhang.wei', roles: [] },
  { login: 'wang.fang', name: '王芳', title: '导购', department: 'shanghai', supervisor: 'zhang.wei', roles: [] },
  { login: 'yang.yang', name: '杨洋', title: '收银员', department: 'shanghai', supervisor: 'zhang.wei', roles: [] },
  { login: 'xu.chen', name: '许晨', title: '仓管员', department: 'shanghai', supervisor: 'zhang.wei', roles: [] },
  {
    login: 'he.jing',
    name: '何静',
    title: '店长',
    department: 'hangzhou',
    supervisor: 'liu.qiang',
    head: true,
    roles: ['supervisor'],
  },
  { login: 'ma.chao', name: '马超', title: '导购', department: 'hangzhou', supervisor: 'he.jing', roles: [] },
  { login: 'zhu.lin', name: '朱琳', title: '导购', department: 'hangzhou', supervisor: 'he.jing', roles: [] },
  { login: 'hu.bin', name: '胡斌', title: '收银员', department: 'hangzhou', supervisor: 'he.jing', roles: [] },
  { login: 'guo.jiayi', name: '郭佳怡', title: '导购', department: 'hangzhou', supervisor: 'he.jing', roles: [] },
  {
    login: 'liang.zhiming',
    name: '梁志明',
    title: '店长',
    department: 'guangzhou',
    supervisor: 'huang.haifeng',
    head: true,
    roles: ['supervisor'],
  },
  {
    login: 'luo.xiaoyan',
    name: '罗晓燕',
    title: '导购',
    department: 'guangzhou',
    supervisor: 'liang.zhiming',
    roles: [],
  },
  { login: 'xie.dan', name: '谢丹', title: '导购', department: 'guangzhou', supervisor: 'liang.zhiming', roles: [] },
  { login: 'song.jie', name: '宋杰', title: '收银员', department: 'guangzhou', supervisor: 'liang.zhiming', roles: [] },
  { login: 'tang.xin', name: '唐欣', title: '仓管员', department: 'guangzhou', supervisor: 'liang.zhiming', roles: [] },
  {
    login: 'han.dong',
    name: '韩冬',
    title: '店长',
    department: 'shenzhen',
    supervisor: 'huang.haifeng',
    head: true,
    roles: ['supervisor'],
  },
  { login: 'feng.yaqi', name: '冯雅琪', title: '导购', department: 'shenzhen', supervisor: 'han.dong', roles: [] },
  { login: 'deng.chao', name: '邓超', title: '导购', department: 'shenzhen', supervisor: 'han.dong', roles: [] },
  { login: 'cao.ying', name: '曹颖', title: '收银员', department: 'shenzhen', supervisor: 'han.dong', roles: [] },
  { login: 'peng.hao', name: '彭浩', title: '仓管员', department: 'shenzhen', supervisor: 'han.dong', roles: [] },
];

export const DEMO_ADMIN_LOGIN = 'lin.xiaowen';

export const demoEmail = (login: string): string => `${login}@${DEMO_EMAIL_DOMAIN}`;

const MOBILE_PREFIXES = ['138', '139', '150', '186', '137', '158'];

/** An 11-digit mainland mobile number, distinct per member and stable between runs. */
export function demoMobile(index: number): string {
  const prefix = MOBILE_PREFIXES[index % MOBILE_PREFIXES.length] ?? '138';
  return `${prefix}${String(20260000 + index * 37).padStart(8, '0')}`;
}
