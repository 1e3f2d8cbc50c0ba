/**
 * Customers stay with the company, in a real browser: the admin assigns two of 李娜's customers
 * to 王芳 (在职继承) with the default notice and sees each waiting for the customer; the transfer
 * records list them; then 李娜 leaves and the 离职交接 wizard hands all her customers to 王芳 at
 * once and shows the report.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';
import { pickSearched } from './support/pick-searched.js';

type Demo = { token: string; demo: { login: string; password: string } };

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

describe('customer transfers and offboarding in a real browser', () => {
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

  it('assigns customers to a colleague, lists the transfers, and hands everything over when she leaves', async () => {
    const memberId = async (name: string) =>
      ((await api(`/members?q=${encodeURIComponent(name)}`)).items as { id: string; name: string }[]).find(
        (m) => m.name === name,
      )?.id ?? '';
    const liNa = await memberId('李娜');
    const customers: string[] = [];
    for (const name of ['转接客户甲', '转接客户乙', '留守客户丙']) {
      customers.push(
        ((await api('/customers', { method: 'POST', body: { name, ownerId: liNa } })) as { id: string }).id,
      );
    }

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${running.url}/login`);
    await page.getByLabel('邮箱或手机号').fill(demo.demo.login);
    await page.getByLabel('密码').fill(demo.demo.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/messages/);

    // 在职继承: select two customers, 分配给同事 → 王芳, keep the default notice, confirm.
    await page.goto(`${running.url}/customers`);
    for (const id of customers.slice(0, 2)) {
      await page.getByTestId(`customer-row-${id}`).getByRole('checkbox').check();
    }
    await page.getByRole('button', { name: '分配给同事' }).click();
    const wizard = page.getByRole('dialog');
    await pickSearched(page, wizard.getByLabel('接替成员'), '王芳', '王芳');
    await wizard.getByRole('button', { name: '下一步' }).click();
    await expect.poll(() => wizard.getByLabel('给客户的告知语').inputValue()).toBe('您好，后续将由 王芳 为您服务');
    await wizard.getByRole('button', { name: '下一步' }).click();
    await wizard.getByRole('button', { name: '确认分配' }).click();
    await wizard.getByText('2 位等待客户确认，0 位失败').waitFor();
    expect(await wizard.getByText('等待接替').count()).toBe(2);
    await screenshot(page, 'transfer-wizard-result');
    await wizard.getByRole('button', { name: /完\s*成/ }).click();

    // 转接记录 lists them as waiting, with the notice not delivered (no conversation yet).
    await page.getByRole('button', { name: '转接记录' }).click();
    await page.waitForURL(/\/customers\/transfers/);
    await page.getByTestId(`transfer-row-${customers[0]}`).getByText('等待接替').waitFor();
    expect(await page.getByTestId(`transfer-row-${customers[0]}`).getByText('未送达').count()).toBe(1);
    await screenshot(page, 'transfer-records');

    // 离职交接: 李娜 leaves; all three customers go to 王芳 at once.
    await page.goto(`${running.url}/directory/members/${liNa}`);
    await page.getByRole('button', { name: '办理离职' }).click();
    const offboard = page.getByRole('dialog');
    await pickSearched(page, offboard.getByLabel('接手同事'), '王芳', /^王芳/);
    await offboard.getByRole('button', { name: '确认离职交接' }).click();
    await offboard.getByText('交接报告').waitFor();
    await offboard.getByText('客户 3 位，待跟进记录 0 条，取消等待中的转接 2 个').waitFor();
    await screenshot(page, 'offboard-report');
    await offboard.getByRole('button', { name: /完\s*成/ }).click();

    const owners = (await api(`/customers?ownerId=${await memberId('王芳')}`)).items as { name: string }[];
    expect(owners.map((c) => c.name).sort()).toEqual(['留守客户丙', '转接客户乙', '转接客户甲'].sort());
    expect(await missingKeys(page)).toEqual([]);
    await context.close();
  }, 180_000);
});
