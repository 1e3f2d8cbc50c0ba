/**
 * Customer groups in a real browser: the salesperson makes an external group a customer group
 * from its settings, finds it under 客户群 with its head counts and last 30 days, and sets a
 * keyword auto-reply; the page also reads in English.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/console.js';
import { type DemoConsole, startDemoConsole } from './support/demo-console.js';

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

describe('customer groups in a real browser', () => {
  let c: DemoConsole;

  beforeAll(async () => {
    c = await startDemoConsole();
  }, 120_000);
  afterAll(() => c?.close());

  it('flags a group from its settings, shows it under 客户群, and saves an auto-reply', async () => {
    const group = (await c.api('/conversations', {
      method: 'POST',
      body: { kind: 'external', name: '打印机客户交流群' },
    })) as { id: string };
    const { context, page } = await c.signIn();

    await page.goto(`${c.running.url}/messages/${group.id}`);
    await page.getByRole('button', { name: '会话设置' }).click();
    const flag = page.getByTestId('customer-group-switch');
    await flag.click();
    await expect.poll(() => flag.getAttribute('aria-checked'), { timeout: 10_000 }).toBe('true');

    await page.goto(`${c.running.url}/customers/groups`);
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
      .poll(async () => ((await c.api(`/customer-groups/${group.id}/auto-replies`)) as { rules: unknown[] }).rules, {
        timeout: 10_000,
      })
      .toEqual([{ keywords: ['福利'], match: 'contains', reply: '回复 1 领取新客福利' }]);
    await screenshot(page, 'customer-groups-auto-replies');
    await context.close();
  }, 120_000);

  it('renders the customer groups page in English with no missing text', async () => {
    const { context, page } = await c.signIn('en');
    await page.goto(`${c.running.url}/customers/groups`);
    await expect.poll(() => page.getByText('Customer groups').first().isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await missingKeys(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
