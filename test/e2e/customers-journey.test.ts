/**
 * A day with customers, in a real browser: the admin sets up tags and a custom field; a
 * salesperson adds a customer (the mobile shows masked to her), is warned about a duplicate,
 * moves the customer through stages and records a call with a next date and a quotation file,
 * imports a file with a bad row and fixes it, filters by tags
 * and tags in bulk, and cannot delete. The admin then sees the contacts, exports a file that
 * names him, deletes a customer and restores it from the bin; the English console has every text.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

const SELLER_LOGIN = 'li.na@xinghe-retail.example';
/** The 客户 entry (its icon's label comes first), not 客户设置. */
const CUSTOMERS_MENU = /(^|\s)客户$/;
const IMPORT_HEADER = '姓名,公司,手机,标签,阶段';
const csv = (rows: string[]) => Buffer.from(`\uFEFF${[IMPORT_HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

async function signedInPage(browser: Browser, url: string, login: string, password: string, locale = 'zh-CN') {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  const page = await context.newPage();
  if (locale === 'en-US') await page.addInitScript(() => localStorage.setItem('concord.language', 'en'));
  await page.goto(`${url}/login`);
  await page.getByLabel(locale === 'en-US' ? /email or mobile/i : '邮箱或手机号').fill(login);
  await page.getByLabel(locale === 'en-US' ? /password/i : '密码').fill(password);
  await page.getByRole('button', { name: locale === 'en-US' ? 'Sign in' : '登录' }).click();
  await page.waitForURL(/\/messages/);
  return { context, page };
}

/** Opens the antd Select labelled `label` (inside `scope`) and picks the option titled `option`. */
async function choose(page: Page, scope: ReturnType<Page['locator']> | Page, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

async function closeDropdowns(page: Page) {
  await page.keyboard.press('Escape');
}

describe('customers in a real browser', () => {
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

  it('takes customers from the admin’s settings through a salesperson’s day and back to the admin', async () => {
    // The admin sets up tags and a custom field in 管理后台 → 客户设置.
    const admin = await signedInPage(browser, running.url, demo.demo.login, demo.demo.password);
    let page = admin.page;
    await page.getByRole('menuitem', { name: '客户设置' }).click();
    await page.waitForURL(/\/customers\/settings/);
    for (const [group, tags] of [
      ['来源', ['展会', '转介绍']],
      ['预算', ['高预算']],
    ] as const) {
      await page.getByRole('button', { name: '新建标签组' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('标签组名称').fill(group);
      const tagInput = dialog.getByLabel('标签', { exact: true });
      for (const tag of tags) {
        await tagInput.fill(tag);
        await tagInput.press('Enter');
      }
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(0);
      await expect.poll(() => page.getByTestId(`tag-group-${group}`).isVisible()).toBe(true);
    }
    await page.getByRole('tab', { name: '自定义字段' }).click();
    await page.getByRole('button', { name: '添加字段' }).click();
    await page.getByRole('tabpanel').getByLabel('字段名称').fill('预算（万元）');
    await choose(page, page.getByRole('tabpanel'), '类型', '数字');
    await page
      .getByRole('tabpanel')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await expect.poll(() => page.getByText('自定义字段已保存').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('tab', { name: '客户阶段' }).click();
    await expect.poll(() => page.getByRole('tabpanel').locator('input').first().inputValue()).toBe('线索');
    await screenshot(page, 'customers-settings');

    // The salesperson adds a customer; without the contact permission she sees the mobile masked.
    const seller = await signedInPage(browser, running.url, SELLER_LOGIN, demo.demo.password);
    page = seller.page;
    await page.getByRole('menuitem', { name: CUSTOMERS_MENU }).click();
    await page.waitForURL(/\/customers$/);
    await expect.poll(() => page.getByText('还没有客户').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('button', { name: '新建客户' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('张伟');
    await dialog.getByLabel('公司').fill('上海华联办公');
    await dialog.getByLabel('手机').fill('13812345678');
    await dialog.getByLabel('预算（万元）').fill('12');
    await choose(page, dialog, '标签', '展会');
    await closeDropdowns(page);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('customer-name').innerText(), { timeout: 10_000 }).toBe('张伟');
    await expect.poll(() => page.getByText('138****5678').first().isVisible()).toBe(true);
    expect(await page.getByText('13812345678').count()).toBe(0);
    expect(await page.getByRole('button', { name: '删除客户' }).count()).toBe(0);

    // She moves the customer on to 意向 with a note; the history shows it.
    await page.getByRole('button', { name: '变更阶段' }).click();
    dialog = page.getByRole('dialog');
    await choose(page, dialog, '新阶段', '意向 · 进行中');
    await dialog.getByLabel('备注').fill('看过样品');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('customer-stage').innerText(), { timeout: 10_000 }).toBe('意向');
    await expect.poll(() => page.getByTestId('customer-timeline').innerText()).toContain('线索 → 意向');
    expect(await page.getByTestId('customer-timeline').innerText()).toContain('看过样品');

    // She records a call with the next follow-up a week ahead; the timeline shows both kinds of entry.
    await page.getByRole('button', { name: '写跟进' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('跟进内容').fill('电话确认预算，下周报价');
    const week = new Date(Date.now() + 7 * 86_400_000);
    const local = `${week.getFullYear()}-${String(week.getMonth() + 1).padStart(2, '0')}-${String(week.getDate()).padStart(2, '0')}T10:00`;
    await dialog.getByLabel('下次跟进时间').fill(local);
    // … with the quotation attached, uploaded as she picks it.
    await dialog.locator('input[type=file]').setInputFiles({
      name: '报价单.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('打印机 5 台，报价 12 万'),
    });
    await expect.poll(() => dialog.locator('.ant-upload-list-item-done').count(), { timeout: 10_000 }).toBe(1);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect
      .poll(() => page.getByTestId('customer-timeline').innerText(), { timeout: 10_000 })
      .toContain('电话确认预算，下周报价');
    const timeline = await page.getByTestId('customer-timeline').innerText();
    expect(timeline).toContain('电话 · 李娜');
    expect(timeline).toContain('下次跟进');
    // The quotation downloads from the timeline with its Chinese name and content intact.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 报价单.txt' }).click();
    const quotation = await downloading;
    expect(quotation.suggestedFilename()).toBe('报价单.txt');
    expect(readFileSync((await quotation.path()) as string, 'utf8')).toBe('打印机 5 台，报价 12 万');
    await screenshot(page, 'customer-detail');

    // The same mobile again: she is warned and names the existing customer.
    await page.goto(`${running.url}/customers`);
    await page.getByRole('button', { name: '新建客户' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('张伟（重复）');
    await dialog.getByLabel('手机').fill('13812345678');
    await dialog.getByLabel('预算（万元）').fill('1');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('duplicate-warning').innerText(), { timeout: 10_000 }).toContain('张伟');
    await page
      .getByRole('button', { name: /取\s*消/ })
      .last()
      .click();
    // The warning closes (its fade ends) before the form's own 取消 can be reached.
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(1);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .first()
      .click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // An import with a bad row is refused with its line; the fixed file goes in.
    await page.getByRole('button', { name: '导入' }).click();
    dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: csv(['李强,强盛贸易,13900000001,转介绍,初次沟通', '王敏,,12345,展会,']),
    });
    await expect.poll(() => dialog.getByText(/发现 \d+ 个问题/).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await dialog.locator('.ant-table').innerText()).toContain('3');
    await screenshot(page, 'customers-import-errors');
    await dialog.getByRole('button', { name: '重新上传' }).click();
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: csv(['李强,强盛贸易,13900000001,转介绍,初次沟通', '王敏,,13900000002,展会,']),
    });
    await expect
      .poll(() => dialog.getByText('校验通过，共 2 位客户可以导入').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await expect.poll(() => dialog.getByText('已导入 2 位客户').isVisible(), { timeout: 10_000 }).toBe(true);
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();

    // Tag filters: all of 展会 finds 张伟 and 王敏; none of 展会 finds 李强.
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    await choose(page, page, '同时包含标签', '展会');
    await closeDropdowns(page);
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    expect((await rows.allInnerTexts()).join('|')).not.toContain('李强');
    await screenshot(page, 'customers-filtered');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await choose(page, page, '不含标签', '展会');
    await closeDropdowns(page);
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.first().innerText()).toContain('李强');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);

    // Bulk tagging: every customer gets 高预算.
    await page.locator('.ant-table-thead .ant-checkbox-input').check();
    await page.getByRole('button', { name: '批量打标签' }).click();
    dialog = page.getByRole('dialog');
    await choose(page, dialog, '添加标签', '高预算');
    await closeDropdowns(page);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByText('已更新 3 位客户的标签').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.locator('.ant-table-tbody').getByText('高预算').count()).toBe(3);
    expect(await page.getByRole('button', { name: '回收站' }).count()).toBe(0);
    const refused = await page.evaluate(async () => {
      const token = localStorage.getItem('concord.token');
      const list = await fetch('/api/v1/customers', { headers: { authorization: `Bearer ${token}` } });
      const first = ((await list.json()) as { items: { id: string }[] }).items[0]?.id;
      const res = await fetch(`/api/v1/customers/${first}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
      return res.status;
    });
    expect(refused).toBe(403);
    await screenshot(page, 'customers-list-seller');
    expect(await missingKeys(page)).toEqual([]);
    await seller.context.close();

    // The admin sees the contacts, exports a file that names him, deletes and restores.
    page = admin.page;
    await page.getByRole('menuitem', { name: CUSTOMERS_MENU }).click();
    await page.waitForURL(/\/customers$/);
    await expect.poll(() => page.getByText('13812345678').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('button', { name: '导出' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: '导出 CSV' }).click(),
    ]);
    const file = readFileSync((await download.path()) as string, 'utf8');
    expect(file.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^导出人,林晓雯,导出时间,/);
    expect(file).toContain('13812345678');

    await page.getByRole('link', { name: '李强' }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: '删除客户' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await page.waitForURL(/\/customers$/);
    await expect.poll(() => page.getByRole('link', { name: '李强' }).count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole('button', { name: '回收站' }).click();
    await expect.poll(() => page.getByRole('link', { name: '李强' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'customers-bin');
    await page.getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => page.getByText('客户已恢复').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('button', { name: '返回客户列表' }).click();
    await expect.poll(() => page.getByRole('link', { name: '李强' }).isVisible(), { timeout: 10_000 }).toBe(true);

    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL(/\/admin\/audit/);
    const log = page.locator('.ant-table');
    for (const action of ['新增客户', '变更客户阶段', '批量导入客户', '导出客户', '删除客户', '恢复客户']) {
      await expect.poll(() => log.innerText(), { timeout: 10_000 }).toContain(action);
    }
    expect(await missingKeys(page)).toEqual([]);
    await admin.context.close();
  }, 180_000);

  it('renders the customer pages in English with no missing text', async () => {
    const { context, page } = await signedInPage(browser, running.url, demo.demo.login, demo.demo.password, 'en-US');
    await page.goto(`${running.url}/customers`);
    await expect
      .poll(() => page.getByRole('button', { name: 'New customer' }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    await page.getByRole('link', { name: '张伟', exact: true }).click();
    await expect.poll(() => page.getByText('Timeline').isVisible(), { timeout: 10_000 }).toBe(true);
    for (const path of ['/customers?deleted=1', '/customers/duplicates', '/customers/settings']) {
      await page.goto(`${running.url}${path}`);
      await page.waitForLoadState('networkidle');
      await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 10_000 }).toBe(0);
      await screenshot(page, `en${path.replace(/[/?=]/g, '-')}`);
    }
    expect(await missingKeys(page)).toEqual([]);
    await context.close();
  }, 60_000);
});
