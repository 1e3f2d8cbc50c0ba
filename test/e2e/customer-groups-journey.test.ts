/**
 * Customer groups in a real browser: the salesperson makes an external group a customer group
 * from its settings, finds it under 客户群 with its head counts and last 30 days, and sets a
 * keyword auto-reply; the page also reads in English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

describe('customer groups in a real browser', () => {
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

  it('flags a group from its settings, shows it under 客户群, and saves an auto-reply', async () => {
    const group = (await api('/conversations', {
      method: 'POST',
      body: { kind: 'external', name: '打印机客户交流群' },
    })) as { id: string };
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${running.url}/login`);
    await page.getByLabel('邮箱或手机号').fill(demo.demo.login);
    await page.getByLabel('密码').fill(demo.demo.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/messages/);

    await page.goto(`${running.url}/messages/${group.id}`);
    await page.getByRole('button', { name: '会话设置' }).click();
    const flag = page.getByTestId('customer-group-switch');
    await flag.click();
    await expect.poll(() => flag.getAttribute('aria-checked'), { timeout: 10_000 }).toBe('true');

    await page.goto(`${running.url}/customers/groups`);
    const row = page.getByTestId(`group-row-${group.id}`);
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('打印机客户交流群');
    await row.click();
    await expect.poll(() => page.getByTestId('group-totals').innerText(), { timeout: 10_000 }).toContain('入群');

    await page.getByRole('tab', { name: '关键词自动回复' }).click();
    await page.getByRole('button', { name: '添加规则' }).click();
    const keywords = page.getByTestId('auto-reply-rule').getByLabel('关键词');
    await keywords.click();
    await page.keyboard.type('福利');
    await page.keyboard.press('Enter');
    await page.getByTestId('auto-reply-rule').getByLabel('回复内容').fill('回复 1 领取新客福利');
    await page.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(async () => ((await api(`/customer-groups/${group.id}/auto-replies`)) as { rules: unknown[] }).rules, {
        timeout: 10_000,
      })
      .toEqual([{ keywords: ['福利'], match: 'contains', reply: '回复 1 领取新客福利' }]);
    await screenshot(page, 'customer-groups-auto-replies');
    await context.close();
  }, 120_000);

  it('renders the customer groups page in English with no missing text', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('concord.language', 'en'));
    await page.goto(`${running.url}/login`);
    await page.getByLabel(/email or mobile/i).fill(demo.demo.login);
    await page.getByLabel(/password/i).fill(demo.demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/messages/);
    await page.goto(`${running.url}/customers/groups`);
    await expect.poll(() => page.getByText('Customer groups').first().isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await missingKeys(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
