/**
 * A new admin's first day, in a real browser against a real server on a fresh database: load
 * the demo org from the setup wizard, sign in, create a department, import members from a CSV
 * with one bad row (see the error, fix it, import), assign a role, find it all in the audit log;
 * then a plain member finds the admin pages refused, and the English console has every text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

const HEADER = '姓名,手机,邮箱,部门,职务,入职日期,初始密码';
const GOOD_ROWS = [
  '周一鸣,13911110001,zhou.yiming@example.com,总部/华东区/上海南京路店,导购,2026-03-02,Spring-Meadow-2026',
  '吴小满,13911110002,wu.xiaoman@example.com,总部/华东区/上海南京路店,导购,2026-03-02,Autumn-River-2026',
];
const BAD_ROW = '吴小满,12345,wu.xiaoman@example.com,总部/华东区/上海南京路店,导购,2026-03-02,Autumn-River-2026';
const csv = (rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

async function missingKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);
}

async function signIn(page: Page, url: string, login: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('邮箱或手机号').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  // The console opens on 消息 (messages) after sign-in.
  await page.waitForURL(/\/messages/);
}

async function uploadCsv(page: Page, rows: string[]): Promise<void> {
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: csv(rows) });
}

describe('the console in a real browser', () => {
  let running: RunningConsole;
  let browser: Browser;
  let admin: { login: string; password: string };

  beforeAll(async () => {
    running = await startConsole();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('walks an admin from the setup wizard through directory, import, roles and audit', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(running.url);
    await page.waitForURL(/\/setup/);
    await expect.poll(() => page.getByText('加载演示企业，先随便看看').isVisible()).toBe(true);
    await screenshot(page, 'setup-wizard');

    await page.getByText('加载演示企业，先随便看看').click();
    const loginText = await page.getByTestId('demo-login').innerText();
    const passwordText = await page.getByTestId('demo-password').innerText();
    admin = { login: loginText.trim(), password: passwordText.trim() };
    expect(admin.login).toMatch(/@/);

    // Sign in through the sign-in page, as the demo admin would on another day.
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${running.url}/login`);
    await screenshot(page, 'login');
    await signIn(page, running.url, admin.login, admin.password);
    await expect.poll(() => page.getByTestId('org-name').innerText()).toBe('星河零售');
    await page.getByRole('menuitem', { name: '通讯录' }).click();
    await page.waitForURL(/\/directory/);
    await expect.poll(() => page.getByText('华东区').first().isVisible()).toBe(true);
    await screenshot(page, 'directory');

    // Create a department.
    await page.getByRole('button', { name: '部门管理' }).click();
    await page.getByRole('menuitem', { name: '新建子部门' }).click();
    await page.getByLabel('部门名称').fill('苏州观前店');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('部门已创建').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('苏州观前店').first().isVisible()).toBe(true);

    // Import members: a file with one bad row is refused with its line, the fixed one goes in.
    await page.getByRole('button', { name: '批量导入' }).click();
    await page.waitForURL(/\/directory\/import/);
    await uploadCsv(page, [GOOD_ROWS[0] as string, BAD_ROW]);
    await expect.poll(() => page.getByText(/发现 \d+ 个问题/).isVisible(), { timeout: 10_000 }).toBe(true);
    const errorTable = page.locator('.ant-table');
    await expect.poll(() => errorTable.innerText()).toContain('3');
    await expect.poll(() => errorTable.innerText()).toContain('手机');
    await screenshot(page, 'import-errors');
    expect(await page.getByRole('button', { name: '开始导入' }).count()).toBe(0);

    await page.getByRole('button', { name: '重新上传' }).click();
    await uploadCsv(page, GOOD_ROWS);
    await expect
      .poll(() => page.getByText('校验通过，共 2 名成员可以导入').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await page.getByRole('button', { name: '开始导入' }).click();
    await expect.poll(() => page.getByText('已创建 2 名成员').isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'import-done');

    // Assign the auditor role to one of the new members.
    await page.goto(`${running.url}/directory?q=${encodeURIComponent('周一鸣')}`);
    await page.getByRole('link', { name: '周一鸣' }).click();
    await page.waitForURL(/\/directory\/members\//);
    await page.getByRole('button', { name: '分配角色' }).click();
    await page.getByRole('checkbox', { name: /审计员/ }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('角色已更新').isVisible()).toBe(true);
    await screenshot(page, 'member-detail');

    // Every one of those actions is in the audit log.
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL(/\/admin\/audit/);
    const log = page.locator('.ant-table');
    for (const action of ['新增部门', '批量导入成员', '调整成员角色', '登录成功']) {
      await expect.poll(() => log.innerText(), { timeout: 10_000 }).toContain(action);
    }
    await screenshot(page, 'audit-log');

    await page.getByRole('menuitem', { name: '角色权限' }).click();
    await page.waitForURL(/\/admin\/roles/);
    await expect.poll(() => page.getByText('审计员').first().isVisible()).toBe(true);
    await screenshot(page, 'roles');

    // The chat archive: turned on for everyone, then verified intact.
    // Ends with 会话存档: the 会话存档查询 (archive search) entry sits beside it.
    await page.getByRole('menuitem', { name: /会话存档$/ }).click();
    await page.waitForURL(/\/admin\/archive/);
    await page.getByLabel('开启会话存档').click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByText('存档设置已保存').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('button', { name: '立即核验' }).click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('archive-verify-result')
            .innerText()
            .catch(() => ''),
        { timeout: 10_000 },
      )
      .toContain('存档完整');
    await screenshot(page, 'archive-settings');

    expect(await missingKeys(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('refuses the admin pages to a plain member', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await signIn(page, running.url, 'wu.xiaoman@example.com', 'Autumn-River-2026');
    expect(await page.getByRole('menuitem', { name: '管理后台' }).count()).toBe(0);
    for (const path of ['/admin/roles', '/admin/audit', '/admin/org', '/admin/api-tokens', '/directory/import']) {
      await page.goto(`${running.url}${path}`);
      await expect.poll(() => page.getByText('无权限访问').isVisible(), { timeout: 10_000 }).toBe(true);
    }
    await screenshot(page, 'member-refused');
    // The API refuses as well, whatever the page shows.
    const status = await page.evaluate(async () => {
      const token = localStorage.getItem('concord.token');
      const res = await fetch('/api/v1/audit', { headers: { authorization: `Bearer ${token}` } });
      return res.status;
    });
    expect(status).toBe(403);
    expect(await missingKeys(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('renders every page in English with no missing text, also at phone width', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    await page.addInitScript(() => localStorage.setItem('concord.language', 'en'));
    await page.goto(`${running.url}/login`);
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    await page.getByLabel(/email or mobile/i).fill(admin.login);
    await page.getByLabel(/password/i).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/messages/);
    const pages = [
      '/messages',
      '/directory',
      '/directory/import',
      '/admin/roles',
      '/admin/audit',
      '/admin/org',
      '/admin/retention',
      '/admin/api-tokens',
      '/admin/compliance',
      '/admin/alerts',
      '/account',
    ];
    for (const path of pages) {
      await page.goto(`${running.url}${path}`);
      await page.waitForLoadState('networkidle');
      await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 10_000 }).toBe(0);
      await screenshot(page, `en-phone${path.replaceAll('/', '-')}`);
    }
    expect(await missingKeys(page)).toEqual([]);
    await page.close();
  }, 90_000);
});
