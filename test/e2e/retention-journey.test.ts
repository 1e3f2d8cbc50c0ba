/**
 * A compliance officer's morning, in a real browser against a real server: she keeps the chat
 * archive for two years (the 华东区 for ever), runs the purge to see it has nothing to remove yet,
 * places legal holds on a colleague, on a conversation found in the archive and on a customer, releases the
 * first, then watches a live alert arrive on the alert inbox — with a notification and a badge,
 * without reloading — when a colleague writes 私下转账.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';
import { pickSearched } from './support/pick-searched.js';

type Demo = { token: string; demo: { login: string; password: string } };
type Json = Record<string, unknown>;

const MEMBER_LOGIN = 'wang.lijuan@xinghe-retail.example';

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

describe('retention, legal holds and live alerts in a real browser', () => {
  let running: RunningConsole;
  let browser: Browser;
  let demo: Demo;

  const call = async (token: string, path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${running.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const api = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const { status, body } = await call(demo.token, path, init);
    expect(status, `${path}: ${JSON.stringify(body)}`).toBeLessThan(300);
    return body;
  };
  /** Members accept the archive notice before sending in archived conversations (where the server asks for it). */
  const acceptArchiveNotice = async (token: string) => {
    const state = await call(token, '/api/v1/archive/notice');
    const version = (state.body.notice as { version?: number } | undefined)?.version;
    if (state.status !== 200 || state.body.accepted || !version) return;
    expect((await call(token, '/api/v1/archive/notice/accept', { body: { version } })).status).toBe(200);
  };

  beforeAll(async () => {
    running = await startConsole();
    browser = await launchBrowser();
    demo = (await (await fetch(`${running.url}/api/v1/setup/demo`, { method: 'POST' })).json()) as Demo;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('sets the retention period, holds and releases, and sees a live alert arrive', async () => {
    // Set-up through the API: the archive on, a rule that records 私下转账, a group with 王丽娟.
    await api('/api/v1/archive/settings', { method: 'PUT', body: { enabled: true, scope: 'all' } });
    const lexicon = await api('/api/v1/compliance/lexicons', {
      body: { name: '私下交易词库', category: 'private_payment', words: ['私下转账'] },
    });
    await api('/api/v1/compliance/rules', {
      body: { name: '禁止私下交易', lexiconIds: [lexicon.id], detectors: [], action: 'record', scope: 'all' },
    });
    const member = (await api(`/api/v1/members?q=${encodeURIComponent('王丽娟')}`)) as { items: { id: string }[] };
    const memberId = member.items[0]?.id as string;
    const group = (await api('/api/v1/conversations', {
      body: { kind: 'group', name: '华东区报价群', memberIds: [memberId] },
    })) as { id: string };
    const login = await fetch(`${running.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: MEMBER_LOGIN, password: demo.demo.password }),
    });
    const memberToken = ((await login.json()) as { token: string }).token;
    await acceptArchiveNotice(demo.token);
    await acceptArchiveNotice(memberToken);
    await api(`/api/v1/conversations/${group.id}/messages`, {
      body: { clientMsgId: 'retention-e2e-1', body: '明天把报价单发给客户' },
    });
    await expect
      .poll(
        async () =>
          ((await api(`/api/v1/archive/search?conversationId=${group.id}`)) as { items: unknown[] }).items.length,
        { timeout: 10_000 },
      )
      .toBe(1);
    const departments = (await api('/api/v1/departments')) as { items: { id: string; name: string }[] };
    const east = departments.items.find((d) => d.name === '华东区')?.id;

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${running.url}/login`);
    await page.getByLabel('邮箱或手机号').fill(demo.demo.login);
    await page.getByLabel('密码').fill(demo.demo.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/messages/);

    // 保留与保全: two years for everyone, for ever for 华东区.
    await page.getByRole('menuitem', { name: '保留与保全' }).click();
    await page.waitForURL(/\/admin\/retention/);
    await page.getByRole('combobox', { name: '全企业保留期限' }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('保留一段时间', { exact: true }).click();
    await page.getByRole('spinbutton', { name: '时长' }).fill('2');
    await expect
      .poll(() => page.getByTestId('retention-cutoff').innerText())
      .toMatch(/\d{4}-\d{2}-\d{2} 之前的内容会被清理/);
    await page.getByRole('button', { name: '添加部门' }).click();
    const rows = page.getByTestId('retention-departments');
    await rows.locator('.ant-select').first().click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('华东区', { exact: true }).click();
    await rows.getByRole('combobox', { name: '部门' }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('永久保留', { exact: true }).click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByText('保留期限已保存').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await api('/api/v1/archive/retention')).toEqual({
      keepDays: 730,
      departments: [{ departmentId: east, keepDays: null }],
    });

    // Purging now finds nothing two years old, and says so.
    await page.getByRole('button', { name: '立即清理过期内容' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '清理' }).click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('purge-report')
            .innerText()
            .catch(() => ''),
        { timeout: 10_000 },
      )
      .toContain('没有需要清理的内容');
    await screenshot(page, 'retention-policy');

    // A legal hold on 王丽娟 …
    await page.getByRole('button', { name: '新建保全' }).click();
    let dialog = page.getByRole('dialog');
    await pickSearched(page, dialog.getByRole('combobox', { name: '同事' }), '王丽娟', /王丽娟/);
    await expect.poll(() => dialog.getByTitle(/王丽娟/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await dialog.getByLabel('原因').fill('劳动争议，保全全部沟通记录');
    await dialog.getByRole('button', { name: '设置保全' }).click();
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(0);
    const holds = page.getByTestId('holds-table');
    await expect.poll(() => holds.innerText(), { timeout: 10_000 }).toContain('王丽娟');

    // … and one on the conversation where the quote was discussed, found in the archive.
    await page.getByRole('button', { name: '新建保全' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByText('会话', { exact: true }).click();
    await dialog.getByLabel('关键词').fill('报价');
    await dialog.getByRole('button', { name: '查找' }).click();
    await dialog.getByRole('radio', { name: /华东区报价群/ }).check({ timeout: 10_000 });
    await dialog.getByLabel('原因').fill('客户投诉调查');
    await dialog.getByRole('button', { name: '设置保全' }).click();
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => holds.innerText(), { timeout: 10_000 }).toContain('华东区报价群');
    expect(await holds.innerText()).toContain('客户投诉调查');
    // … and one on a customer in a dispute, picked by company name.
    const customer = (await api('/api/v1/customers', {
      body: { name: '陈女士', company: '东海贸易', mobile: '13912345678' },
    })) as { id: string };
    await page.getByRole('button', { name: '新建保全' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByText('客户', { exact: true }).click();
    await pickSearched(page, dialog.getByRole('combobox', { name: '保全对象' }), '东海', /陈女士 · 东海贸易/);
    await dialog.getByLabel('原因').fill('合同纠纷');
    await dialog.getByRole('button', { name: '设置保全' }).click();
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => holds.innerText(), { timeout: 10_000 }).toContain('陈女士');
    // After a reload the table still names all three, from the server.
    await page.reload();
    await expect.poll(() => holds.innerText(), { timeout: 10_000 }).toContain('华东区报价群');
    expect(await holds.innerText()).toContain('王丽娟');
    expect(await page.getByRole('row', { name: /陈女士/ }).innerText()).toContain('客户');

    // Releasing the hold on 王丽娟 after confirming.
    await page
      .getByRole('row', { name: /王丽娟/ })
      .getByRole('button', { name: '解除' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: '解除' }).click();
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(0);
    await expect
      .poll(() => page.getByRole('row', { name: /王丽娟/ }).innerText(), { timeout: 10_000 })
      .toContain('已解除');
    expect(await page.getByRole('row', { name: /华东区报价群/ }).innerText()).toContain('保全中');
    const stored = (await api('/api/v1/archive/holds')) as {
      items: { kind: string; targetId: string; releasedAt: string | null }[];
    };
    expect(stored.items.map((h) => [h.kind, h.targetId, h.releasedAt !== null])).toEqual([
      ['customer', customer.id, false],
      ['conversation', group.id, false],
      ['member', memberId, true],
    ]);
    await screenshot(page, 'retention-holds');

    // The alert inbox, open and never reloaded, while 王丽娟 writes 私下转账.
    await page.getByRole('menuitem', { name: '敏感内容告警' }).click();
    await page.waitForURL(/\/admin\/alerts/);
    await expect.poll(() => page.locator('.ant-table').innerText(), { timeout: 10_000 }).toContain('暂无告警');
    await page.evaluate(() => {
      (window as { stillThisPage?: boolean }).stillThisPage = true;
    });
    const sent = await call(memberToken, `/api/v1/conversations/${group.id}/messages`, {
      body: { clientMsgId: 'retention-e2e-2', body: '我们私下转账吧' },
    });
    expect(sent.status).toBe(200);
    const notice = page.getByTestId('alert-notification');
    await expect.poll(() => notice.innerText().catch(() => ''), { timeout: 10_000 }).toContain('禁止私下交易');
    expect(await notice.innerText()).toContain('王丽娟');
    await expect
      .poll(
        () =>
          page
            .getByTestId('alert-notification-snippet')
            .innerText()
            .catch(() => ''),
        { timeout: 10_000 },
      )
      .toContain('私下转账');
    // The list polls once a minute at most while the socket is up: the row comes from the push.
    await expect.poll(() => page.locator('.ant-table').innerText(), { timeout: 10_000 }).toContain('我们私下转账吧');
    await expect.poll(() => page.getByTestId('nav-badge-alerts').innerText(), { timeout: 10_000 }).toBe('1');
    expect(await page.evaluate(() => (window as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
    await screenshot(page, 'retention-live-alert');

    expect(await missingKeys(page)).toEqual([]);
    await page.close();
  }, 180_000);
});
