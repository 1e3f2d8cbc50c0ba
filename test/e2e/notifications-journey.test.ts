/**
 * Notifications in a real browser: a salesperson on the customer list gets a follow-up reminder
 * live (a toast and a count on the bell, no reload), opens it from the bell to land on the
 * customer, and it counts as read; the same list reads in English.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

describe('notifications in a real browser', () => {
  let running: RunningConsole;
  let browser: Browser;
  let demo: Demo;

  const api = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${running.url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };

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

  it('brings a follow-up reminder to the bell live, and opens the customer from it', async () => {
    const customer = (await api('/customers', { method: 'POST', body: { name: '提醒测试客户' } })) as { id: string };
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${running.url}/login`);
    await page.getByLabel('邮箱或手机号').fill(demo.demo.login);
    await page.getByLabel('密码').fill(demo.demo.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/messages/);
    await page.goto(`${running.url}/customers`);
    await expect.poll(() => page.getByTestId('notification-bell').isVisible(), { timeout: 10_000 }).toBe(true);

    const nextAt = new Date(Date.now() + 3000).toISOString();
    await api(`/customers/${customer.id}/follow-ups`, {
      method: 'POST',
      body: { kind: 'call', content: '约好周五回电', nextAt },
    });
    const toast = page.getByTestId('notification-toast');
    await expect
      .poll(() => toast.innerText().catch(() => ''), { timeout: 20_000 })
      .toContain('该跟进客户 提醒测试客户 了');
    await screenshot(page, 'notification-live');

    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-item').filter({ hasText: '提醒测试客户' });
    await item.click();
    await page.waitForURL(new RegExp(`/customers/${customer.id}$`));
    await expect
      .poll(async () => ((await api('/notifications')) as { unreadCount: number }).unreadCount, { timeout: 10_000 })
      .toBe(0);

    await page.evaluate(() => localStorage.setItem('concord.language', 'en'));
    await page.reload();
    await page.getByTestId('notification-bell').click();
    await expect
      .poll(() => page.getByTestId('notification-list').innerText(), { timeout: 10_000 })
      .toContain('Time to follow up with 提醒测试客户');
    await context.close();
  }, 120_000);
});
