// Deterministic chat for the archive-search benchmark: an org of 500 members in 25 departments
// (5 regions × 5 stores), 20,000 conversations (direct, group, external with guests) and N
// messages over two years, in Chinese with English words and mixed Latin/Chinese product names.
// Word choice is Zipf-distributed, so 客户 is common, 合同 middling and 质检 rare, as in real chat.

/** mulberry32: a small seeded PRNG, so every run sees the same data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped uuid from the generator. */
export function uuid(random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(random() * 4) & 3) | 8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// Most frequent first: rank decides frequency (Zipf, s = 1).
const WORDS = [
  '好的',
  '收到',
  '我们',
  '今天',
  '明天',
  '客户',
  '一下',
  '可以',
  '已经',
  '需要',
  '这个',
  '门店',
  '下午',
  '上午',
  '确认',
  '谢谢',
  '没问题',
  '报价',
  '安排',
  '时间',
  '你们',
  '看看',
  '处理',
  '跟进',
  '订单',
  '发货',
  '问题',
  '马上',
  '辛苦',
  'ok',
  '活动',
  '库存',
  '价格',
  '通知',
  '文件',
  '资料',
  '老板',
  '经理',
  '同事',
  '方案',
  '项目',
  '反馈',
  '沟通',
  '准备',
  '尽快',
  '稍等',
  '下周',
  '本周',
  '会议',
  '讨论',
  '系统',
  '数据',
  'iPhone15',
  '合同',
  '发票',
  '付款',
  '陈列',
  '促销',
  '会员',
  '积分',
  'customer',
  'meeting',
  'PDF',
  'Excel',
  '物流',
  '仓库',
  '售后',
  '退货',
  '折扣',
  '优惠',
  '预算',
  '审批',
  '报销',
  '出差',
  '培训',
  '排班',
  '巡店',
  '目标',
  '业绩',
  '周报',
  '月报',
  'Q3',
  'KPI',
  'report',
  'order',
  'quote',
  'invoice',
  '投诉',
  '回访',
  '签约',
  '续费',
  '交付',
  '上线',
  '测试',
  '版本',
  '需求',
  '进度',
  '风险',
  '协调',
  '提醒',
  '地址',
  '电话',
  '邮件',
  '样品',
  '质量',
  '设计',
  'contract',
  'shipping',
  'delay',
  'deadline',
  'budget',
  'discount',
  'review',
  'update',
  'sample',
  'Mate60',
  'P40',
  'CRM',
  'ERP',
  'SKU',
  'OKR',
  '总部',
  '华东',
  '华南',
  '上海',
  '杭州',
  '广州',
  '深圳',
  '北京',
  '成都',
  '月底',
  '季度',
  '年度',
  '周一',
  '周五',
  '晚上',
  '招聘',
  '面试',
  '考勤',
  '加班',
  '合作',
  '渠道',
  '代理',
  '加盟',
  '装修',
  '租金',
  '水电',
  '保洁',
  '安保',
  '盘点',
  '调拨',
  '补货',
  '缺货',
  '到货',
  '签收',
  '质检',
  '返工',
  '索赔',
  '保险',
  '税务',
  '审计',
  '合规',
  '法务',
  '公章',
  '盖章',
  'Model3',
  '5G',
  'NFC',
  'WiFi',
  'app',
  'bug',
  'release',
  'deploy',
  'client',
  'payment',
  'approval',
];
const FILLERS = [
  '请',
  '一起',
  '还是',
  '如果',
  '因为',
  '所以',
  '但是',
  '然后',
  '帮忙',
  '发给',
  '给我',
  '的',
  '了',
  '吗',
  '呢',
  '吧',
];
const SET_PHRASES = ['客户经理', '明天下午开会', '请尽快确认', '报价单', '合同审批', 'iPhone15报价'];
const PUNCT = ['，', '。', '！', '？', ' ', '', '', ''];

function zipf(n, s = 1) {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w) => (acc += w / total));
}

function pick(cumulative, random) {
  const r = random();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const WORD_CDF = zipf(WORDS.length, 1);

export function makeMessage(random) {
  const parts = [];
  const chunks = 2 + Math.floor(random() * 7);
  for (let i = 0; i < chunks; i++) {
    const r = random();
    if (r < 0.02) parts.push(SET_PHRASES[Math.floor(random() * SET_PHRASES.length)]);
    else if (r < 0.25) parts.push(FILLERS[Math.floor(random() * FILLERS.length)]);
    else parts.push(WORDS[pick(WORD_CDF, random)]);
    if (random() < 0.35) parts.push(PUNCT[Math.floor(random() * PUNCT.length)]);
  }
  if (random() < 0.08) parts.push(String(Math.floor(random() * 100000)));
  return parts.join('');
}

/** The org: departments (5 regions × 5 stores under the root), members, conversations. */
export function makeOrg(random, { members = 500, conversations = 20_000 } = {}) {
  const orgId = uuid(random);
  const root = uuid(random);
  const regions = Array.from({ length: 5 }, (_, i) => ({ id: uuid(random), name: `区域${i + 1}`, parent: root }));
  const stores = regions.flatMap((region, r) =>
    Array.from({ length: 5 }, (_, i) => ({ id: uuid(random), name: `门店${r + 1}-${i + 1}`, parent: region.id })),
  );
  const people = Array.from({ length: members }, (_, i) => ({
    id: uuid(random),
    name: `成员${i + 1}`,
    department: stores[i % stores.length].id,
    region: regions[Math.floor((i % stores.length) / 5)].id,
  }));
  const guestPool = [];
  const chats = [];
  const pairs = new Set();
  for (let c = 0; c < conversations; c++) {
    const r = random();
    const kind = r < 0.7 ? 'direct' : r < 0.95 ? 'group' : 'external';
    const size = kind === 'direct' ? 2 : 3 + Math.floor(random() * 20);
    const memberSet = new Set();
    while (memberSet.size < size) memberSet.add(people[Math.floor(random() * people.length)]);
    if (kind === 'direct') {
      const pair = [...memberSet]
        .map((p) => p.id)
        .sort()
        .join(':');
      if (pairs.has(pair)) {
        c--;
        continue;
      }
      pairs.add(pair);
    }
    const guests = [];
    if (kind === 'external') {
      for (let g = 0; g < 1 + Math.floor(random() * 3); g++) {
        const guest = {
          id: uuid(random),
          name: `访客${guestPool.length + 1}`,
          email: `guest${guestPool.length + 1}@customer.test`,
        };
        guestPool.push(guest);
        guests.push(guest);
      }
    }
    chats.push({
      id: uuid(random),
      kind,
      name: kind === 'direct' ? null : `会话${c + 1}`,
      members: [...memberSet],
      guests,
    });
  }
  return { orgId, root, regions, stores, people, guests: guestPool, chats, chatCdf: zipf(conversations, 0.8) };
}

/** The next message: its conversation (busy ones more often), sender and text. */
export function nextMessage(org, random) {
  const chat = org.chats[pick(org.chatCdf, random)];
  const senders = chat.guests.length > 0 && random() < 0.3 ? chat.guests : chat.members;
  const sender = senders[Math.floor(random() * senders.length)];
  return { chat, sender, text: makeMessage(random) };
}

export const pickIndex = pick;
