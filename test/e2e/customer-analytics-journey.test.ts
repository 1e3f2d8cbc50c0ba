/**
 * A sales manager's look at the pipeline, in a real browser: five customers of the demo org went
 * through the stages (one won, one lost), two were followed up; 客户分析 shows the funnel with
 * those numbers and rates in Chinese, the new/lost trend and the follow-ups, and downloads the
 * funnel as an Excel file that names him; the English console has every text.
 */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

describe('customer analytics in a real browser', () => {
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

  async function signIn(locale: 'zh-CN' | 'en-US') {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      locale,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    if (locale === 'en-US') await page.addInitScript(() => localStorage.setItem('concord.language', 'en'));
    await page.goto(`${running.url}/login`);
    await page.getByLabel(locale === 'en-US' ? /email or mobile/i : '邮箱或手机号').fill(demo.demo.login);
    await page.getByLabel(locale === 'en-US' ? /password/i : '密码').fill(demo.demo.password);
    await page.getByRole('button', { name: locale === 'en-US' ? 'Sign in' : '登录' }).click();
    await page.waitForURL(/\/messages/);
    return { context, page };
  }

  beforeAll(async () => {
    running = await startConsole();
    browser = await launchBrowser();
    const res = await fetch(`${running.url}/api/v1/setup/demo`, { method: 'POST' });
    demo = (await res.json()) as Demo;
    const stages = Object.fromEntries(
      ((await api('/customer-stages')).items as { id: string; name: string }[]).map((s) => [s.name, s.id]),
    );
    const paths: Record<string, string[]> = {
      漏斗客户甲: ['初次沟通', '意向', '报价', '成交'],
      漏斗客户乙: ['初次沟通', '意向'],
      漏斗客户丙: ['初次沟通', '流失'],
      漏斗客户丁: [],
      漏斗客户戊: [],
    };
    for (const [name, moves] of Object.entries(paths)) {
      const { id } = (await api('/customers', { method: 'POST', body: { name } })) as { id: string };
      for (const stage of moves)
        await api(`/customers/${id}/stage`, { method: 'POST', body: { stageId: stages[stage] } });
      if (moves.includes('意向')) {
        await api(`/customers/${id}/follow-ups`, { method: 'POST', body: { kind: 'call', content: '电话沟通报价' } });
      }
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('shows the funnel with the pipeline’s numbers and rates in Chinese, and downloads it', async () => {
    const { context, page } = await signIn('zh-CN');
    await page.getByRole('menuitem', { name: /客户分析$/ }).click();
    await page.waitForURL(/\/customers\/analytics$/);
    const table = page.getByTestId('funnel-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBe(6);
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim())));
    expect(rows).toEqual([
      ['线索', '5', '2', '—', '100.0%'],
      ['初次沟通', '3', '0', '60.0%', '60.0%'],
      ['意向', '2', '1', '66.7%', '40.0%'],
      ['报价', '1', '0', '50.0%', '20.0%'],
      ['成交', '1', '1', '100.0%', '20.0%'],
      ['流失', '1', '1', '—', '20.0%'],
    ]);
    expect(await table.locator('thead').innerText()).toContain('到达客户数');
    // The ECharts funnel is drawn on a canvas inside its labelled box.
    await expect.poll(() => page.getByRole('img', { name: '销售漏斗图' }).locator('canvas').count()).toBe(1);
    await expect.poll(() => page.getByTestId('trend-totals').innerText()).toBe('新增 5 · 流失 1');
    await expect.poll(() => page.getByTestId('follow-ups-total').innerText()).toBe('合计 2 次');
    await expect.poll(() => page.getByRole('img', { name: '跟进次数柱状图' }).locator('canvas').count()).toBe(1);
    await screenshot(page, 'customer-analytics');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('funnel-card').getByRole('button', { name: '下载 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^customer-funnel-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path()) as string);
    const sheet = book.getWorksheet('销售漏斗');
    expect(sheet?.getRow(1).getCell(1).value).toBe('导出人');
    expect(sheet?.getRow(3).values).toEqual([undefined, '线索', '进行中', 5, 2, undefined, 1]);
    expect(await missingKeys(page)).toEqual([]);
    await context.close();
  });

  it('has every text of the dashboard in English', async () => {
    const { context, page } = await signIn('en-US');
    await page.goto(`${running.url}/customers/analytics`);
    await expect
      .poll(() => page.getByText('Sales funnel', { exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await expect.poll(() => page.getByTestId('trend-totals').innerText()).toBe('5 new · 1 lost');
    expect(await page.getByTestId('funnel-table').locator('thead').innerText()).toContain('Customers reached');
    expect(await missingKeys(page)).toEqual([]);
    await context.close();
  });
});
