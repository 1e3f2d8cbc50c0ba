import { describe, expect, it } from 'vitest';
import { compileLexicon, type DetectorKind, detect, type LexiconEntry, maskText } from './index.js';

const LEXICON: LexiconEntry[] = [
  { word: '加我微信', category: 'poaching', ruleId: 'p1' },
  { word: '加我vx', category: 'poaching', ruleId: 'p2' },
  { word: '加我V信', category: 'poaching', ruleId: 'p3' },
  { word: '威信', category: 'poaching', ruleId: 'p4' },
  { word: '私下转账', category: 'private_payment', ruleId: 'm1' },
  { word: '稳赚不赔', category: 'false_promise', ruleId: 'f1' },
  { word: '傻逼', category: 'insult', ruleId: 'i1' },
];
const matcher = compileLexicon(LEXICON);
const wordsIn = (text: string) => matcher.scanText(text).map((h) => h.word);

describe('lexicon words written to dodge the list', () => {
  it.each([
    ['as listed', '明天请加我微信细聊', '加我微信'],
    ['spaced out', '加 我 微 信', '加我微信'],
    ['starred', '加*我*微*信', '加我微信'],
    ['dotted, with Latin letters', '加.我.v.x', '加我vx'],
    ['zero-width space inside', '加\u200b我微信', '加我微信'],
    ['several invisible characters', '加\u200c我\u200d微\u2060信\ufeff', '加我微信'],
    ['full-width Latin letters', '加我ＶＸ', '加我vx'],
    ['upper case', '加我VX吧', '加我vx'],
    ['ideographic spaces', '加\u3000我\u3000微\u3000信', '加我微信'],
    ['brush-stroke fillers 丶', '加丶我丶微丶信', '加我微信'],
    ['emoji between characters', '加🙂我🙂微🙂信', '加我微信'],
    ['line breaks between characters', '加\n我\n微\n信', '加我微信'],
    ['CJK punctuation between characters', '加，我。微、信', '加我微信'],
    ['combining strike-through marks', '加\u0336我\u0336微\u0336信\u0336', '加我微信'],
    ['traditional characters', '私下轉賬', '私下转账'],
    ['traditional in corner brackets', '「私下轉賬」', '私下转账'],
    ['Taiwan usage 轉帳', '可以私下轉帳嗎', '私下转账'],
    ['traditional and spaced out', '穩 賺 不 賠', '稳赚不赔'],
    ['V信 in any case', '加我v信', '加我V信'],
    ['a homophone listed as its own word', '有事加我威信', '威信'],
    ['mathematical bold letters', '加我𝐯𝐱', '加我vx'],
    ['a Cyrillic х among Latin letters', '加我vх', '加我vx'],
    ['insult spelled with a space', '你个傻 逼', '傻逼'],
  ])('finds a word %s: %s', (_family, text, word) => {
    expect(wordsIn(text)).toContain(word);
  });

  it.each([
    ['the characters apart in a normal sentence', '加入我们的微信群'],
    ['a word sharing only characters', '微信支付已到账'],
    ['nothing sensitive', '明天下午三点开会，记得带合同'],
  ])('finds nothing in %s: %s', (_case, text) => {
    expect(wordsIn(text)).toEqual([]);
  });
});

describe('Latin words stand alone', () => {
  const vx = compileLexicon([{ word: 'vx', category: 'poaching' }]);
  it.each([
    ['vx123456', true],
    ['加我vx', true],
    ['VX: abcdef', true],
    ['d e v x', true],
    ['用devx工具', false],
    ['vxworks 系统', false],
  ])('%s → %s', (text, found) => {
    expect(vx.scanText(text).length > 0).toBe(found);
  });
});

describe('masking the original hides exactly the hit', () => {
  it.each([
    ['请加 我 微 信哦', '请*******哦'],
    ['「私下轉賬」', '「****」'],
    ['加\u200b我微信!', '*****!'],
    ['好的，加我ＶＸ。', '好的，****。'],
    ['🙂加我𝐯𝐱🙂', '🙂****🙂'],
  ])('%s → %s', (text, masked) => {
    expect(maskText(text, matcher.scanText(text))).toBe(masked);
  });
});

type DetectorCase = [string, string, DetectorKind, string];

describe('detectors find contact details however they are written', () => {
  it.each<DetectorCase>([
    ['a mobile number', '电话13812345678', 'mobile', '13812345678'],
    ['a mobile in 3-4-4 groups', '打 138 1234 5678 找我', 'mobile', '13812345678'],
    ['a mobile with dashes', '138-1234-5678', 'mobile', '13812345678'],
    ['a mobile with +86', '+86 138 1234 5678', 'mobile', '13812345678'],
    ['a mobile with 0086', '0086-13812345678', 'mobile', '13812345678'],
    ['a mobile in Chinese digits', '一三八一二三四五六七八', 'mobile', '13812345678'],
    ['a mobile with 幺 and 两', '幺三八幺两三四五六七八', 'mobile', '13812345678'],
    ['a mobile in capital numerals', '壹叁捌壹贰叁肆伍陆柒捌', 'mobile', '13812345678'],
    ['a mobile in mixed digits', '138一二三四5678', 'mobile', '13812345678'],
    ['a mobile in full-width digits', '１３８１２３４５６７８', 'mobile', '13812345678'],
    ['a mobile with zero-width spaces', '138\u200b1234\u200b5678', 'mobile', '13812345678'],
    ['a mobile digit by digit', '1 3 8 1 2 3 4 5 6 7 8', 'mobile', '13812345678'],
    ['a Beijing landline', '座机 010-12345678', 'landline', '01012345678'],
    ['a Shenzhen landline', '0755-1234567', 'landline', '07551234567'],
    ['a landline with its area code in brackets', '(021) 87654321', 'landline', '02187654321'],
    ['a WeChat id after 微信号', '微信号：zhangsan88', 'wechat_id', 'zhangsan88'],
    ['a WeChat id after vx', 'vx: Li_Ming-2024', 'wechat_id', 'li_ming-2024'],
    ['a WeChat id after V信', 'V信 abc12345', 'wechat_id', 'abc12345'],
    ['a WeChat id after wx号是', 'wx号是 hello_world', 'wechat_id', 'hello_world'],
    ['a WeChat id after full-width ＶＸ', 'ＶＸ：ｗｏｒｋ２０２４', 'wechat_id', 'work2024'],
    ['a WeChat id after a spaced-out 微 信', '加 我 微 信：zhangsan88', 'wechat_id', 'zhangsan88'],
    ['a 16-digit bank card in groups', '卡号 6222 0212 3456 7894', 'bank_card', '6222021234567894'],
    ['a 19-digit bank card', '6217001234567890122', 'bank_card', '6217001234567890122'],
    ['a resident ID ending in X', '身份证11010519491231002X', 'id_card', '11010519491231002x'],
    ['a resident ID', '440305199003071236', 'id_card', '440305199003071236'],
    ['a resident ID born on a leap day', '510108200002290017', 'id_card', '510108200002290017'],
    ['an e-mail address', '发到 zhang.san@example.com', 'email', 'zhang.san@example.com'],
    ['a full-width e-mail address', 'ｚｈａｎｇ＠ｑｑ．ｃｏｍ', 'email', 'zhang@qq.com'],
    ['a link with a scheme', '看 https://example.com/a?b=1。', 'url', 'https://example.com/a?b=1'],
    ['a www. link', '上www.example.cn看看', 'url', 'www.example.cn'],
    ['a bare domain', '访问example.com领红包', 'url', 'example.com'],
    ['a domain with an ideographic full stop', '打开 taobao。com', 'url', 'taobao.com'],
  ])('finds %s: %s', (_case, text, kind, value) => {
    expect(detect(text).filter((h) => h.kind === kind)).toEqual([expect.objectContaining({ kind, value })]);
  });

  it.each([
    ['a phone number inside a longer digit run', '订单号2023138123456789'],
    ['12 digits spelled out one by one', '1 3 8 1 2 3 4 5 6 7 8 9'],
    ['11 digits with an impossible prefix', '12812345678'],
    ['a 19-digit order number failing Luhn', '订单 6222021234567890123'],
    ['an order number passing Luhn with no card issuer', '2024031512345678903'],
    ['an ID number with a wrong check digit', '440305199003071235'],
    ['an ID number whose birth date does not exist', '510108200102290014'],
    ['微信支付 alone', '微信支付已完成'],
    ['an id too short for WeChat', 'wx: abc'],
    ['an id nobody announced', '我的账号 zhangsan88'],
    ['an announcement inside a longer word', 'awx abcdefg'],
    ['a version number and a decimal', '版本 v1.2.3，圆周率 3.14'],
    ['a file name', '附件 report.txt 已更新'],
    ['a date and a time', '2024-05-14 13:45'],
  ])('finds nothing in %s: %s', (_case, text) => {
    expect(detect(text)).toEqual([]);
  });

  it('does not read an e-mail domain as a link', () => {
    expect(detect('邮件发到 zhang@example.com').map((h) => h.kind)).toEqual(['email']);
  });

  it('reports the span of the number in the original, +86 included', () => {
    const text = '电话：+86 138-1234-5678，随时';
    const [hit] = detect(text, ['mobile']);
    expect(hit && text.slice(hit.start, hit.end)).toBe('+86 138-1234-5678');
    expect(maskText(text, detect(text), 'fixed')).toBe('电话：***，随时');
  });

  it('masks only the WeChat id, not its announcement', () => {
    const text = '微信号：zhangsan88 谢谢';
    expect(maskText(text, detect(text))).toBe('微信号：********** 谢谢');
  });

  it('finds two numbers side by side', () => {
    expect(detect('13812345678、13912345678').map((h) => h.value)).toEqual(['13812345678', '13912345678']);
  });
});
