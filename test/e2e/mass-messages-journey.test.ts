/**
 * A saleswoman sends one message to her customers tagged 高意向: two of them chat with her
 * (they came through her contact-me link), one does not. She composes in the console and sees
 * the recipient count; her store manager finds it in his review queue and approves it; she
 * then sees it delivered to the two who chat with her and failed for the one who does not.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PNG } from '../../server/test/multipart.js';
import { type SmtpSink, startSmtpSink } from '../../server/test/smtp-sink.js';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

const DOMAIN = 'xinghe-retail.example';

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

describe('a member sends a mass message to her tagged customers after approval', () => {
  let running: RunningConsole;
  let browser: Browser;
  let smtp: SmtpSink;
  let demo: Demo;

  const call = async <T>(token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const res = await fetch(`${running.url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  const tokenOf = async (login: string) =>
    (
      await call<{ token: string }>('', '/auth/login', {
        method: 'POST',
        body: { login: `${login}@${DOMAIN}`, password: demo.demo.password },
      })
    ).token;

  async function signIn(login: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await page.goto(`${running.url}/login`);
    await page.getByLabel('邮箱或手机号').fill(`${login}@${DOMAIN}`);
    await page.getByLabel('密码').fill(demo.demo.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/messages/);
    return { context, page };
  }

  /** A visitor who verifies their email on the link's page and starts a chat. */
  async function visit(code: string, email: string, name: string): Promise<void> {
    await call('', `/contact/${code}/email-code`, { method: 'POST', body: { email } });
    await expect.poll(() => smtp.lastCodeFor(email), { timeout: 10_000 }).toMatch(/^\d+$/);
    await call('', `/contact/${code}/join`, {
      method: 'POST',
      body: { email, code: smtp.lastCodeFor(email), displayName: name },
    });
  }

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

  it('composes to a tag, shows the count, and after approval shows each customer’s status', {
    timeout: 120_000,
  }, async () => {
    const groups = await call<{ items: { name: string; tags: { id: string; name: string }[] }[] }>(
      demo.token,
      '/tag-groups',
      { method: 'POST', body: { name: '客户意向', tags: ['高意向', '观望'] } },
    );
    const hot = groups.items.find((g) => g.name === '客户意向')?.tags.find((t) => t.name === '高意向')?.id as string;
    const liNa = await tokenOf('li.na');
    const link = await call<{ code: string }>(liNa, '/contact-links', {
      method: 'POST',
      body: { name: '门店扫码', tagIds: [hot] },
    });
    await visit(link.code, 'qian@visitor.example', '钱女士');
    await visit(link.code, 'sun@visitor.example', '孙先生');
    await call(liNa, '/customers', { method: 'POST', body: { name: '周先生', mobile: '13912345678', tagIds: [hot] } });

    // 李娜 composes to her 高意向 customers and sees how many it reaches.
    const seller = await signIn('li.na');
    await seller.page.goto(`${running.url}/customers/mass-messages`);
    await seller.page.getByRole('button', { name: '新建群发' }).click();
    const drawer = seller.page.getByRole('dialog');
    await drawer.getByLabel('群发内容').fill('新品到店，高意向客户专享九折，欢迎到店体验！');
    // … with a picture of the new product, uploaded as she picks it.
    await drawer.getByText('图片', { exact: true }).click();
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: '新品.png', mimeType: 'image/png', buffer: TINY_PNG });
    await expect.poll(() => drawer.locator('.ant-upload-list-item-done').count(), { timeout: 10_000 }).toBe(1);
    await drawer.getByLabel('包含以下任一标签').click();
    await seller.page.locator('.ant-select-dropdown:visible').getByTitle('高意向', { exact: true }).click();
    await seller.page.keyboard.press('Escape');
    await expect
      .poll(() => drawer.getByTestId('mass-preview').textContent(), { timeout: 10_000 })
      .toContain('预计发送给 3 位客户');
    await screenshot(seller.page, 'mass-message-composer');
    await drawer.getByRole('button', { name: '提交群发' }).click();
    await seller.page.getByText('待审批').waitFor();

    // Her store manager 张伟 approves it from his review queue.
    const manager = await signIn('zhang.wei');
    await manager.page.goto(`${running.url}/customers/mass-messages`);
    await manager.page.getByRole('tab', { name: '待我审批' }).click();
    await manager.page.locator('[data-testid^="mass-row-"]').getByText('新品到店，高意向客户专享九折').click();
    await manager.page.waitForURL(/\/customers\/mass-messages\/.+/);
    await manager.page.getByRole('button', { name: /通\s*过/ }).click();
    await expect
      .poll(() => manager.page.getByTestId('mass-status').textContent(), { timeout: 10_000 })
      .not.toBe('待审批');

    // 李娜 sees it delivered through her chats, and why 周先生 did not get it.
    await seller.page.locator('[data-testid^="mass-row-"]').getByText('新品到店，高意向客户专享九折').click();
    await seller.page.waitForURL(/\/customers\/mass-messages\/.+/);
    await expect
      .poll(
        async () => {
          await seller.page.reload();
          return seller.page.getByTestId('mass-status').textContent({ timeout: 8000 });
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe('已发送');
    expect(await seller.page.getByTestId('mass-totals').textContent()).toBe('共 3 位客户：已发送 2，已读 0，失败 1');
    await seller.page.getByText('负责人与客户没有会话').waitFor();
    expect(await seller.page.getByText('已送达').count()).toBe(2);
    await screenshot(seller.page, 'mass-message-detail');
    expect(await missingKeys(seller.page)).toEqual([]);
    expect(await missingKeys(manager.page)).toEqual([]);
    await seller.context.close();
    await manager.context.close();
  });
});
