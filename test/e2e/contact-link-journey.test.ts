/**
 * A salesperson hands out their 联系我 link: they make it in the console with a tag and a
 * welcome message and see its QR code; a visitor opens it on a phone, verifies an email (a real
 * email through a local SMTP server) and lands in a chat with them, greeted by the welcome; the
 * salesperson finds the new customer with the link's tag, opens the conversation from the
 * customer's page and replies, and the visitor sees the reply live.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../server/test/smtp-sink.js';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

describe('a visitor becomes a customer through a contact-me link', () => {
  let running: RunningConsole;
  let browser: Browser;
  let smtp: SmtpSink;
  let demo: Demo;

  const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const res = await fetch(`${running.url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    running = await startConsole({ SMTP_URL: smtp.url, CONCORD_MAIL_FROM: 'Concord <no-reply@example.test>' });
    browser = await launchBrowser();
    demo = (await fetch(`${running.url}/api/v1/setup/demo`, { method: 'POST' }).then((r) => r.json())) as Demo;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await smtp?.close();
  });

  it('makes a link, lets a visitor chat through it, and shows the member the new tagged customer', {
    timeout: 90_000,
  }, async () => {
    await api('/tag-groups', { method: 'POST', body: { name: '获客渠道', tags: ['官网二维码', '展会'] } });

    // The salesperson makes a contact-me link in the console.
    const member = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const console_ = await member.newPage();
    console_.setDefaultTimeout(15_000);
    await console_.goto(`${running.url}/login`);
    await console_.getByLabel('邮箱或手机号').fill(demo.demo.login);
    await console_.getByLabel('密码').fill(demo.demo.password);
    await console_.getByRole('button', { name: '登录' }).click();
    await console_.waitForURL(/\/messages/);
    await console_.goto(`${running.url}/customers`);
    await console_.getByRole('button', { name: '联系我' }).click();
    await console_.waitForURL(/\/customers\/contact-links/);
    await console_.getByRole('button', { name: '新建联系我' }).click();
    const dialog = console_.getByRole('dialog');
    await dialog.getByLabel('名称').fill('官网咨询');
    await dialog.getByLabel('自动打标签').click();
    await console_.locator('.ant-select-dropdown:visible').getByTitle('官网二维码', { exact: true }).click();
    await console_.keyboard.press('Escape');
    await dialog.getByLabel('欢迎语').fill('您好，我是您的客户经理，请问有什么可以帮您？');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const card = console_.getByTestId('contact-link');
    await card.waitFor();
    expect(await card.getByLabel('联系我二维码').count()).toBe(1);
    expect(await card.getByTestId('contact-link-joins').textContent()).toBe('已添加 0 位客户');
    const url = (await card.getByTestId('contact-link-url').textContent()) ?? '';
    expect(url).toMatch(/\/contact\/[A-Za-z0-9_-]{32}$/);
    await screenshot(console_, 'contact-link-card');

    // A visitor opens the link on a phone, verifies their email and is greeted.
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
    const visitor = await phone.newPage();
    visitor.setDefaultTimeout(15_000);
    await visitor.goto(url);
    await expect
      .poll(() => visitor.getByText('留下称呼并验证邮箱', { exact: false }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    await visitor.getByLabel('你的称呼').fill('林先生');
    await visitor.getByLabel('邮箱').fill('lin@visitor.example');
    await visitor.getByRole('button', { name: '获取验证码' }).click();
    await expect.poll(() => smtp.mails.length, { timeout: 10_000 }).toBe(1);
    await visitor.getByLabel('验证码').fill(smtp.lastCodeFor('lin@visitor.example'));
    await screenshot(visitor, 'contact-page-phone');
    await visitor.getByRole('button', { name: '开始聊天' }).click();
    await expect
      .poll(() => visitor.getByText('您好，我是您的客户经理，请问有什么可以帮您？').isVisible(), { timeout: 10_000 })
      .toBe(true);
    const composer = visitor.getByLabel('输入消息，Enter 发送，Shift+Enter 换行');
    await composer.fill('想了解一下企业版的价格');
    await composer.press('Enter');

    // The salesperson sees the new customer with the link's tag and opens the conversation.
    await expect
      .poll(
        async () =>
          (
            await api<{ items: { id: string; name: string; source: string }[] }>(
              `/customers?q=${encodeURIComponent('林先生')}`,
            )
          ).items,
        { timeout: 10_000 },
      )
      .toEqual([expect.objectContaining({ name: '林先生', source: 'contact_link' })]);
    const [customer] = (await api<{ items: { id: string }[] }>(`/customers?q=${encodeURIComponent('林先生')}`)).items;
    await console_.reload();
    expect(await card.getByTestId('contact-link-joins').textContent()).toBe('已添加 1 位客户');
    await console_.goto(`${running.url}/customers/${customer?.id}`);
    await console_.getByTestId('customer-tags').getByText('官网二维码').waitFor();
    await console_.getByTestId('timeline-chat').waitFor();
    await screenshot(console_, 'contact-customer-detail');
    await console_.getByRole('button', { name: '打开会话' }).first().click();
    await console_.waitForURL(/\/messages\//);
    await console_.getByText('想了解一下企业版的价格').waitFor();
    const reply = console_.getByLabel('输入消息，Enter 发送，Shift+Enter 换行，@ 提及成员');
    await reply.fill('林先生您好，企业版报价单马上发您');
    await reply.press('Enter');

    await expect
      .poll(() => visitor.getByText('林先生您好，企业版报价单马上发您').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await screenshot(visitor, 'contact-chat-phone');
    expect(await missingKeys(visitor)).toEqual([]);
    expect(await missingKeys(console_)).toEqual([]);
    await phone.close();
    await member.close();
  });
});
