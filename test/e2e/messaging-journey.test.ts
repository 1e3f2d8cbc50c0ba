/**
 * Two colleagues chat in a group, each in their own browser: a message typed by one appears for
 * the other without a reload, the reply comes back the same way, and a recall is seen by both.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

const MEMBER_LOGIN = 'wang.lijuan@xinghe-retail.example';

async function signedInPage(browser: Browser, url: string, login: string, password: string) {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('邮箱或手机号').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/messages/);
  return { context, page };
}

async function send(page: Page, text: string): Promise<void> {
  const composer = page.getByLabel('输入消息，Enter 发送，Shift+Enter 换行，@ 提及成员');
  await composer.fill(text);
  await composer.press('Enter');
}

describe('messaging in a real browser', () => {
  let running: RunningConsole;
  let browser: Browser;
  let demo: Demo;

  beforeAll(async () => {
    running = await startConsole();
    browser = await launchBrowser();
    const res = await fetch(`${running.url}/api/v1/setup/demo`, { method: 'POST' });
    demo = (await res.json()) as Demo;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('delivers messages live between two members and shows a recall to both', async () => {
    // The admin opens a group with a colleague through the API; the chat itself happens in the pages.
    const members = await fetch(`${running.url}/api/v1/members?q=${encodeURIComponent('王丽娟')}`, {
      headers: { authorization: `Bearer ${demo.token}` },
    }).then((r) => r.json() as Promise<{ items: { id: string }[] }>);
    const colleague = members.items[0];
    expect(colleague).toBeDefined();
    const created = await fetch(`${running.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'group', name: '华东区周会', memberIds: [colleague?.id] }),
    }).then((r) => r.json() as Promise<{ id: string }>);

    const admin = await signedInPage(browser, running.url, demo.demo.login, demo.demo.password);
    const member = await signedInPage(browser, running.url, MEMBER_LOGIN, demo.demo.password);
    for (const { page } of [admin, member]) {
      await page.goto(`${running.url}/messages/${created.id}`);
      await expect.poll(() => page.getByText('华东区周会').first().isVisible(), { timeout: 10_000 }).toBe(true);
    }

    await send(admin.page, '本周五下午三点开周会，请准时参加');
    await expect
      .poll(() => member.page.getByTestId('message-list').innerText(), { timeout: 10_000 })
      .toContain('本周五下午三点开周会');

    await send(member.page, '收到，我会准时到');
    await expect
      .poll(() => admin.page.getByTestId('message-list').innerText(), { timeout: 10_000 })
      .toContain('收到，我会准时到');
    await screenshot(admin.page, 'messages-admin');
    await screenshot(member.page, 'messages-member');

    // The colleague recalls their reply; both sides see the recall notice instead of the text.
    const reply = member.page.locator('[data-testid^="chat-message-"]', { hasText: '收到，我会准时到' });
    await reply.getByRole('button', { name: '消息操作' }).click();
    await member.page.getByRole('menuitem', { name: '撤回' }).click();
    await expect
      .poll(() => admin.page.getByTestId('message-list').innerText(), { timeout: 10_000 })
      .toContain('王丽娟撤回了一条消息');
    expect(await admin.page.getByTestId('message-list').innerText()).not.toContain('收到，我会准时到');

    // Stored exactly once each, in order.
    const stored = await fetch(`${running.url}/api/v1/conversations/${created.id}/messages`, {
      headers: { authorization: `Bearer ${demo.token}` },
    }).then((r) => r.json() as Promise<{ items: { seq: number; recalledAt: string | null }[] }>);
    expect(stored.items.map((m) => m.recalledAt !== null)).toEqual([false, true]);
    expect(stored.items[0]?.seq).toBeLessThan(stored.items[1]?.seq ?? 0);

    await admin.context.close();
    await member.context.close();
  }, 90_000);
});
