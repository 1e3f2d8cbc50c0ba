/**
 * The customers stay with the company, end to end: 李娜 hands out her 联系我 link; a visitor
 * joins from a phone and asks for a price; the customer arrives tagged by the link, and 李娜
 * tags them further, records a visit with a next date, moves them to 报价 and runs a customer
 * group. Then 李娜 leaves: the admin offboards her to 王芳 in one action. 王芳 has the customer
 * with the whole history, the open follow-up and the group; the visitor is told in their chat,
 * and 王芳's reply reaches them there.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../server/test/smtp-sink.js';
import { screenshot } from './support/console.js';
import { type DemoConsole, startDemoConsole } from './support/demo-console.js';
import { pickSearched } from './support/pick-searched.js';

type Json = Record<string, unknown>;

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

describe('a customer outlives the salesperson who found them', () => {
  let smtp: SmtpSink;
  let c: DemoConsole;

  /** Signs a demo member in through the API (every demo member shares the demo password). */
  async function tokenOf(login: string): Promise<string> {
    const res = await fetch(`${c.running.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: c.demo.demo.password }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { token: string }).token;
  }
  async function as<T = Json>(token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const res = await fetch(`${c.running.url}/api/v1${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    smtp = await startSmtpSink();
    c = await startDemoConsole({ SMTP_URL: smtp.url, CONCORD_MAIL_FROM: 'Concord <no-reply@example.test>' });
  }, 120_000);
  afterAll(async () => {
    await c?.close();
    await smtp?.close();
  });

  it('keeps the customer, their history, follow-up and group with the company when 李娜 leaves', async () => {
    const domain = c.demo.demo.login.split('@')[1];
    const liNa = await tokenOf(`li.na@${domain}`);
    const people = (await c.api(`/members?q=${encodeURIComponent('李娜')}`)).items as { id: string; name: string }[];
    const liNaId = people.find((m) => m.name === '李娜')?.id ?? '';
    await c.api('/tag-groups', { method: 'POST', body: { name: '客户意向', tags: ['官网', '高意向'] } });
    const groups = (await c.api('/tag-groups')).items as { name: string; tags: { id: string; name: string }[] }[];
    const tagId = (name: string) => groups.flatMap((g) => g.tags).find((t) => t.name === name)?.id ?? '';

    // 李娜's link brings customers tagged 官网.
    const link = await as<{ code: string }>(liNa, '/contact-links', {
      body: { name: '官网咨询', tagIds: [tagId('官网')], welcomeMessage: '您好，我是李娜，很高兴为您服务' },
    });

    // A visitor joins from a phone and asks for a price.
    const phone = await c.browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
    const visitor = await phone.newPage();
    visitor.setDefaultTimeout(8000);
    await visitor.goto(`${c.running.url}/contact/${link.code}`);
    await visitor.getByLabel('你的称呼').fill('周先生');
    await visitor.getByLabel('邮箱').fill('zhou@visitor.example');
    await visitor.getByRole('button', { name: '获取验证码' }).click();
    await expect.poll(() => smtp.mails.length, { timeout: 10_000 }).toBe(1);
    await visitor.getByLabel('验证码').fill(smtp.lastCodeFor('zhou@visitor.example'));
    await visitor.getByRole('button', { name: '开始聊天' }).click();
    await visitor.getByText('您好，我是李娜，很高兴为您服务').waitFor({ timeout: 10_000 });
    const composer = visitor.getByLabel('输入消息，Enter 发送，Shift+Enter 换行');
    await composer.fill('想买 20 台打印机，能给个报价吗');
    await composer.press('Enter');

    // 李娜 finds the customer tagged by the link, tags, follows up and moves them to 报价.
    await expect
      .poll(
        async () =>
          (await as<{ items: { id: string; name: string; source: string }[] }>(liNa, '/customers?q=%E5%91%A8')).items,
        { timeout: 10_000 },
      )
      .toEqual([expect.objectContaining({ name: '周先生', source: 'contact_link' })]);
    const [customer] = (await as<{ items: { id: string }[] }>(liNa, '/customers?q=%E5%91%A8')).items;
    const customerId = customer?.id ?? '';
    await as(liNa, '/customers/tags', { body: { customerIds: [customerId], addTagIds: [tagId('高意向')] } });
    const nextAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await as(liNa, `/customers/${customerId}/follow-ups`, {
      body: { kind: 'visit', content: '上门看了样机，约下周送报价', nextAt },
    });
    const stages = (await as<{ items: { id: string; name: string }[] }>(liNa, '/customer-stages')).items;
    await as(liNa, `/customers/${customerId}/stage`, {
      body: { stageId: stages.find((s) => s.name === '报价')?.id, note: '已口头报价' },
    });
    const group = await as<{ id: string }>(liNa, '/conversations', {
      body: { kind: 'external', name: '打印机采购群', memberIds: [] },
    });
    await as(liNa, `/conversations/${group.id}/customer-group`, { method: 'PUT', body: { enabled: true } });

    // The admin offboards 李娜 to 王芳 in one action and reads the report.
    const { context, page } = await c.signIn();
    await page.goto(`${c.running.url}/directory/members/${liNaId}`);
    await page.getByRole('button', { name: '办理离职' }).click();
    const offboard = page.getByRole('dialog');
    await pickSearched(page, offboard.getByLabel('接手同事'), '王芳', /^王芳/);
    await offboard.getByRole('button', { name: '确认离职交接' }).click();
    await offboard.getByText('交接报告').waitFor({ timeout: 10_000 });
    const report = await offboard.innerText();
    expect(report).toContain('客户 1 位，待跟进记录 1 条');
    expect(report).toMatch(/担任群主的群聊 \d+ 个，转给 王芳/);
    await screenshot(page, 'lifecycle-offboard-report');
    await offboard.getByRole('button', { name: /完\s*成/ }).click();

    // The visitor was told in their chat, without reloading.
    await visitor.getByText('您好，后续将由 王芳 为您服务').waitFor({ timeout: 10_000 });

    // 王芳 has the customer with tags, stage, history, the open follow-up and the group.
    const wangFang = await tokenOf(`wang.fang@${domain}`);
    const detail = await as<{
      owner: { name: string };
      tags: { name: string }[];
      stage: { name: string } | null;
      stageHistory: { to: { name: string } }[];
    }>(wangFang, `/customers/${customerId}`);
    expect(detail.owner.name).toBe('王芳');
    expect(detail.tags.map((t) => t.name).sort()).toEqual(['官网', '高意向'].sort());
    expect(detail.stage?.name).toBe('报价');
    expect(detail.stageHistory[0]?.to.name).toBe('报价');
    const followUps = await as<{ items: { content: string; nextAt: string | null }[] }>(
      wangFang,
      `/customers/${customerId}/follow-ups`,
    );
    expect(followUps.items).toEqual([expect.objectContaining({ content: '上门看了样机，约下周送报价', nextAt })]);
    const conversation = await as<{ owner: { name: string } | null }>(wangFang, `/conversations/${group.id}`);
    expect(conversation.owner?.name).toBe('王芳');

    // 王芳 opens the customer in the console and answers in the same chat.
    const wangContext = await c.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const wang = await wangContext.newPage();
    await wang.goto(`${c.running.url}/login`);
    await wang.getByLabel('邮箱或手机号').fill(`wang.fang@${domain}`);
    await wang.getByLabel('密码').fill(c.demo.demo.password);
    await wang.getByRole('button', { name: '登录' }).click();
    await wang.waitForURL(/\/messages/);
    await wang.goto(`${c.running.url}/customers/${customerId}`);
    const timeline = wang.getByTestId('customer-timeline');
    await expect.poll(() => timeline.innerText(), { timeout: 10_000 }).toContain('上门看了样机');
    await screenshot(wang, 'lifecycle-successor-customer');
    await wang.getByRole('button', { name: '打开会话' }).first().click();
    await wang.waitForURL(/\/messages\//);
    await wang.getByText('想买 20 台打印机，能给个报价吗').waitFor();
    const reply = wang.getByLabel('输入消息，Enter 发送，Shift+Enter 换行，@ 提及成员');
    await reply.fill('周先生您好，我是王芳，报价单今天发您');
    await reply.press('Enter');
    await visitor.getByText('周先生您好，我是王芳，报价单今天发您').waitFor({ timeout: 10_000 });
    await screenshot(visitor, 'lifecycle-customer-told');

    expect(await missingKeys(page)).toEqual([]);
    expect(await missingKeys(wang)).toEqual([]);
    expect(await missingKeys(visitor)).toEqual([]);
    await Promise.all([phone.close(), context.close(), wangContext.close()]);
  }, 180_000);
});
