/**
 * A customer joins an external group from an invite link on a phone, in a plain browser with no
 * account: name, email, the code from a real email (a local SMTP server), and then chats live
 * with the salesperson. A colleague opening an internal group's link joins with their account.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../server/test/smtp-sink.js';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

describe('joining an external group from a link', () => {
  let running: RunningConsole;
  let browser: Browser;
  let smtp: SmtpSink;
  let demo: Demo;

  const call = async <T>(method: string, path: string, body?: object): Promise<T> => {
    const res = await fetch(`${running.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(res.ok, `${method} ${path}: ${res.status}`).toBe(true);
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

  it('lets a customer verify an email, join and chat live on a phone', { timeout: 60_000 }, async () => {
    const group = await call<{ id: string }>('POST', '/api/v1/conversations', {
      kind: 'external',
      name: '星河零售·客户服务群',
    });
    const invite = await call<{ url: string }>('POST', `/api/v1/conversations/${group.id}/invites`, {
      expiresInHours: 24,
    });

    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await page.goto(`${running.url}${invite.url}`);
    await expect.poll(() => page.getByText('星河零售·客户服务群').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByLabel('你的称呼').fill('陈女士');
    await page.getByLabel('邮箱').fill('chen@customer.example');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect.poll(() => smtp.mails.length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText('验证码已发送到 chen@customer.example').isVisible()).toBe(true);
    await screenshot(page, 'guest-join-form-phone');

    // A wrong code is refused with the tries left; the right one lets the customer in.
    const code = smtp.lastCodeFor('chen@customer.example');
    await page.getByLabel('验证码').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '加入群聊' }).click();
    await expect
      .poll(() => page.getByText('验证码不正确，还可以再试 4 次').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await page.getByLabel('验证码').fill(code);
    await page.getByRole('button', { name: '加入群聊' }).click();
    const composer = page.getByLabel('输入消息，Enter 发送，Shift+Enter 换行');
    await expect.poll(() => composer.isVisible(), { timeout: 10_000 }).toBe(true);

    await composer.fill('你好，想了解一下门店收银机的报价');
    await composer.press('Enter');
    await expect
      .poll(
        async () => {
          const page = await call<{ items: { body: string; sender: { name: string } }[] }>(
            'GET',
            `/api/v1/conversations/${group.id}/messages`,
          );
          return page.items.map((m) => `${m.sender.name}:${m.body}`);
        },
        { timeout: 10_000 },
      )
      .toContain('陈女士:你好，想了解一下门店收银机的报价');

    // The customer sends a photo from the same page.
    await page.getByTestId('guest-file-input').setInputFiles({
      name: '收银机.png',
      mimeType: 'image/png',
      buffer: Buffer.from(ONE_PIXEL_PNG, 'base64'),
    });
    await expect
      .poll(
        async () => {
          const page = await call<{ items: { kind: string; attachment: { name: string } | null }[] }>(
            'GET',
            `/api/v1/conversations/${group.id}/messages`,
          );
          return page.items.map((m) => `${m.kind}:${m.attachment?.name ?? ''}`);
        },
        { timeout: 10_000 },
      )
      .toContain('image:收银机.png');

    // The salesperson answers from the console side; the customer sees it without a reload.
    await call('POST', `/api/v1/conversations/${group.id}/messages`, {
      clientMsgId: 'reply-1',
      body: '您好陈女士，报价单稍后发您',
    });
    await expect.poll(() => page.getByText('您好陈女士，报价单稍后发您').isVisible(), { timeout: 10_000 }).toBe(true);

    // A reload keeps the customer in the group.
    await page.reload();
    await expect.poll(() => page.getByText('您好陈女士，报价单稍后发您').isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'guest-chat-phone');

    const detail = await call<{ members: { name: string; kind: string }[] }>(
      'GET',
      `/api/v1/conversations/${group.id}`,
    );
    expect(detail.members).toContainEqual(expect.objectContaining({ name: '陈女士', kind: 'guest' }));
    expect(await missingKeys(page)).toEqual([]);
    await context.close();
  });

  it('sends a colleague with an internal link to sign in, then into the group', async () => {
    const group = await call<{ id: string }>('POST', '/api/v1/conversations', { kind: 'group', name: '华东区内部群' });
    const invite = await call<{ url: string }>('POST', `/api/v1/conversations/${group.id}/invites`, {});
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${running.url}${invite.url}`);
    await expect
      .poll(() => page.getByText('这是内部群，只有组织成员可以加入。').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await page.getByRole('button', { name: '登录后加入' }).click();
    await page.getByLabel('邮箱或手机号').fill('wang.lijuan@xinghe-retail.example');
    await page.getByLabel('密码').fill(demo.demo.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/join\//);
    await page.getByRole('button', { name: '以成员身份加入' }).click();
    await page.waitForURL(new RegExp(`/messages/${group.id}`));
    await expect.poll(() => page.getByText('华东区内部群').first().isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await missingKeys(page)).toEqual([]);
    await context.close();
  });
});
