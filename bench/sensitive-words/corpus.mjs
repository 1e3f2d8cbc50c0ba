// Deterministic test data for the sensitive-words benchmark: a 10,000-word lexicon (the real
// poaching / private-payment / false-promise / insult phrases plus generated Chinese words) and
// chat messages with planted hits, plain (the word as listed) or evasive (spaced out, starred,
// zero-width joined, full-width, traditional, upper case).

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

export const REAL_PHRASES = {
  poaching: [
    '加我微信',
    '加我vx',
    '加我v信',
    '加我wx',
    '加微信',
    '私聊我',
    '加我私人微信',
    '微信联系',
    '留个电话',
    '私下联系',
    '走私单',
    '离职了加我',
    '我自己接单',
    '跳过公司',
    '绕开平台',
    '威信',
    '薇信',
    'v信',
    '加个好友',
    '拉你进群',
    '扫码加我',
    '私下对接',
  ],
  private_payment: [
    '私下转账',
    '转到我个人账户',
    '转我支付宝',
    '微信转账给我',
    '不走公账',
    '私人收款码',
    '个人账户收款',
    '直接打给我',
    '不开发票便宜',
    '现金交易',
    '私下交易',
    '走私账',
  ],
  false_promise: [
    '保证收益',
    '稳赚不赔',
    '包赚',
    '零风险',
    '百分百回本',
    '保本保息',
    '内部消息',
    '稳赚',
    '一定涨',
    '保过',
  ],
  insult: ['傻逼', '滚蛋', '蠢货', '废物', '白痴', '去死'],
};

// Common characters (repeats removed) from which generated words and filler are drawn.
const CHARS = [
  ...new Set(
    '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切怕帮速准备客户价格麻烦确认项目方案邮件周末',
  ),
];

const CHAT_WORDS = [
  '好的',
  '收到',
  '明天',
  '下午',
  '开会',
  '客户',
  '报价',
  '合同',
  '发货',
  '谢谢',
  '我们',
  '今天',
  '一下',
  '看看',
  '没问题',
  '辛苦了',
  '麻烦',
  '确认',
  '项目',
  '方案',
  '邮件',
  '时间',
  '地点',
  '周末',
  '老板',
  '同事',
  '样品',
  '订单',
  '库存',
  '价格',
  '优惠',
  '活动',
  '售后',
  '退款',
  '物流',
  '快递',
  '到货',
  '签字',
  '盖章',
  '发票',
  '付款',
  '尾款',
  '预算',
  '需求',
  '进度',
  '上线',
  '测试',
  '版本',
  '文档',
  '会议室',
  '出差',
  '请假',
  '加班',
  '培训',
  '考勤',
  '审批',
  '报销',
  '资料',
  '附件',
  '表格',
  '数据',
  '统计',
  '季度',
  '目标',
  '业绩',
  '提成',
  '拜访',
  '回访',
  '跟进',
  '意向',
  '预约',
  '演示',
  '沟通',
  '反馈',
  '建议',
  '问题',
  '解决',
  '处理',
  '安排',
  '计划',
  '调整',
  '取消',
  '推迟',
  '提前',
  '准时',
  '马上',
  '稍等',
  '已经',
  '还没',
  '可以',
  '不行',
  '应该',
  '需要',
  '希望',
  '觉得',
  '知道',
  '记得',
  '告诉',
  '通知',
  '大家',
  '这个',
  '那个',
  '什么',
  '怎么',
  '为什么',
  '哪里',
  '多少',
  '一起',
  '顺便',
  '其实',
  '然后',
  '所以',
  '但是',
  '如果',
  '因为',
  '虽然',
  '而且',
  '或者',
  '还是',
  '就是',
];
const PUNCTUATION = ['，', '。', '！', '？', '、', ' ', '～', '…'];
const EXTRAS = ['OK', 'PPT', 'Excel', '3点', '10:30', '2份', '😀', '👍', 'v2', '#12'];

/** The 10,000-word lexicon: the real phrases, then distinct generated words of 2–6 characters. */
export function makeLexicon(size, random) {
  const entries = [];
  const seen = new Set();
  for (const [category, words] of Object.entries(REAL_PHRASES)) {
    for (const word of words) {
      if (seen.has(word)) continue;
      seen.add(word);
      entries.push({ word, category });
    }
  }
  const categories = ['poaching', 'private_payment', 'false_promise', 'insult', 'custom'];
  while (entries.length < size) {
    const r = random();
    const length = r < 0.2 ? 2 : r < 0.55 ? 3 : r < 0.9 ? 4 : r < 0.97 ? 5 : 6;
    let word = '';
    for (let i = 0; i < length; i++) word += CHARS[Math.floor(random() * CHARS.length)];
    if (seen.has(word)) continue;
    seen.add(word);
    entries.push({ word, category: categories[Math.floor(random() * categories.length)] });
  }
  return entries;
}

const pick = (list, random) => list[Math.floor(random() * list.length)];

function filler(length, random) {
  let text = '';
  while (text.length < length) {
    const r = random();
    if (r < 0.12) text += pick(PUNCTUATION, random);
    else if (r < 0.15) text += pick(EXTRAS, random);
    else text += pick(CHAT_WORDS, random);
  }
  return text;
}

const EVASIONS = [
  ['spaced', (w) => [...w].join(' ')],
  ['starred', (w) => [...w].join('*')],
  ['dotted', (w) => [...w].join('.')],
  ['zero-width', (w) => [...w].join('\u200b')],
  ['brush-stroke', (w) => [...w].join('丶')],
  ['full-width', (w) => w.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).toUpperCase()],
  ['upper-case', (w) => w.toUpperCase()],
];

/**
 * Chat messages of 20–200 characters until `bytes` of UTF-8, each with at most one plant:
 * { text, plant: null | { word, start, end, evasive, family } }.
 */
export function makeMessages(bytes, entries, toTraditional, random) {
  const real = Object.values(REAL_PHRASES).flat();
  const messages = [];
  let total = 0;
  while (total < bytes) {
    const length = 20 + Math.floor(random() * 181);
    let text = filler(length, random);
    let plant = null;
    const r = random();
    if (r < 0.09) {
      const evasive = r < 0.03;
      const word = evasive || random() < 0.3 ? pick(real, random) : pick(entries, random).word;
      let written = word;
      let family = 'plain';
      if (evasive) {
        const latin = /[a-z]/.test(word);
        const choice = Math.floor(random() * (EVASIONS.length + 1));
        if (choice === EVASIONS.length || (!latin && choice >= 5)) {
          family = 'traditional';
          written = toTraditional(word);
          if (written === word) [family, written] = ['spaced', [...word].join(' ')];
        } else {
          [family] = EVASIONS[choice];
          written = EVASIONS[choice][1](word);
        }
      }
      const at = Math.floor(random() * text.length);
      // Plants sit between punctuation, so neither engine can read them as part of a neighbour.
      const before = `${text.slice(0, at)}，`;
      text = `${before}${written}。${text.slice(at)}`;
      plant = { word, start: before.length, end: before.length + written.length, evasive, family };
    }
    messages.push({ text, plant });
    total += Buffer.byteLength(text);
  }
  return { messages, bytes: total };
}
