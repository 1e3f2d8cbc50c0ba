/**
 * A compliance officer sets up sensitive-content rules in the console and sees them work in a
 * real chat: the word 私下转账 blocks a message (the sender is told which rule), 加我微信 written
 * with spaces arrives masked for the colleague, the "test this text" box highlights the hits, and
 * the alert inbox lists what happened.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

const MEMBER_LOGIN = 'wang.lijuan@xinghe-retail.example';
const COMPOSER = '输入消息，Enter 发送，Shift+Enter 换行，@ 提及成员';

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

async function signedInPage(browser: Browser, url: string, login: string, password: string) {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('邮箱或手机号').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/messages/);
  return { context, page };
}

/** Picks an option of the antd Select labelled `label` in the open dialog. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

async function createLexicon(page: Page, name: string, category: string, words: string): Promise<void> {
  await page.getByRole('tab', { name: '词库' }).click();
  await page.getByRole('button', { name: '新建词库' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('词库名称').fill(name);
  await choose(page, '分类', category);
  await dialog.getByLabel('敏感词').fill(words);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => page.getByText('词库已创建').isVisible(), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

async function createRule(page: Page, name: string, lexicon: string, action: string): Promise<void> {
  await page.getByRole('tab', { name: '规则' }).click();
  await page.getByRole('button', { name: '新建规则' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('规则名称').fill(name);
  await choose(page, '词库', lexicon);
  await dialog.getByRole('radio', { name: action }).check();
  await dialog.getByRole('radio', { name: '全部会话' }).check();
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => page.getByText('规则已创建').isVisible(), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

async function send(page: Page, text: string): Promise<void> {
  const composer = page.getByLabel(COMPOSER);
  await composer.fill(text);
  await composer.press('Enter');
}

describe('sensitive-content rules in a real browser', () => {
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

  it('blocks 私下转账 naming the rule, masks 加 我 微 信 for the colleague, and lists both as alerts', async () => {
    const admin = await signedInPage(browser, running.url, demo.demo.login, demo.demo.password);
    const { page } = admin;

    // The admin sets up two lexicons and a rule for each in 管理后台 → 敏感词规则.
    await page.getByRole('menuitem', { name: '敏感词规则' }).click();
    await page.waitForURL(/\/admin\/compliance/);
    await createLexicon(page, '私下交易词库', '私下交易', '私下转账\n转我私人账户');
    await createLexicon(page, '引流词库', '引流挖客', '加我微信');
    await expect.poll(() => page.getByRole('tabpanel').innerText()).toContain('引流词库');
    await createRule(page, '禁止私下交易', '私下交易词库', '拦截');
    await createRule(page, '屏蔽引流', '引流词库', '打码');
    await expect.poll(() => page.getByRole('tabpanel').innerText()).toContain('禁止私下交易');
    await screenshot(page, 'compliance-rules');

    // "Test this text" shows what each rule finds.
    await page.getByRole('tab', { name: '测试文本' }).click();
    await page.getByRole('textbox', { name: '要测试的文字' }).fill('我们私下转账吧，加我微信');
    await page.getByRole('button', { name: /测\s*试/ }).click();
    await expect.poll(() => page.getByTestId('test-result').innerText(), { timeout: 10_000 }).toContain('拦截');
    expect(await page.getByTestId('test-highlighted').locator('mark').allInnerTexts()).toEqual([
      '私下转账',
      '加我微信',
    ]);
    expect(await page.getByTestId('test-masked').innerText()).toBe('我们****吧，****');
    await screenshot(page, 'compliance-test-text');

    // A chat between the admin and a colleague.
    const api = (path: string, body?: unknown) =>
      fetch(`${running.url}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      }).then((r) => r.json());
    const found = (await api(`/api/v1/members?q=${encodeURIComponent('王丽娟')}`)) as { items: { id: string }[] };
    const group = (await api('/api/v1/conversations', {
      kind: 'group',
      name: '客户跟进',
      memberIds: [found.items[0]?.id],
    })) as { id: string };
    const member = await signedInPage(browser, running.url, MEMBER_LOGIN, demo.demo.password);
    for (const p of [page, member.page]) {
      await p.goto(`${running.url}/messages/${group.id}`);
      await expect.poll(() => p.getByText('客户跟进').first().isVisible(), { timeout: 10_000 }).toBe(true);
    }

    // The colleague's 私下转账 is refused, and they are told which rule refused it.
    await send(member.page, '我们私下转账吧');
    await expect
      .poll(() => member.page.getByTestId('send-error').innerText(), { timeout: 10_000 })
      .toContain('禁止私下交易');
    expect(await member.page.getByTestId('send-error').innerText()).toContain('私下转账');
    await screenshot(member.page, 'compliance-blocked');

    // 加 我 微 信 goes out, and the admin sees it masked.
    await send(member.page, '加 我 微 信');
    const adminList = page.getByTestId('message-list');
    await expect.poll(() => adminList.innerText(), { timeout: 10_000 }).toContain('*******');
    expect(await adminList.innerText()).not.toContain('加 我 微 信');
    expect(await adminList.innerText()).not.toContain('私下转账');
    await screenshot(page, 'compliance-masked');

    // Both hits wait in the alert inbox.
    await page.getByRole('menuitem', { name: '敏感内容告警' }).click();
    await page.waitForURL(/\/admin\/alerts/);
    const table = page.locator('.ant-table');
    await expect.poll(() => table.innerText(), { timeout: 10_000 }).toContain('禁止私下交易');
    expect(await table.innerText()).toContain('屏蔽引流');
    expect(await table.innerText()).toContain('加 我 微 信');
    await page
      .getByRole('row', { name: /禁止私下交易/ })
      .getByRole('button', { name: /确\s*认/ })
      .click();
    await page.getByRole('dialog').getByLabel('备注').fill('已提醒王丽娟');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*认/ })
      .click();
    await expect.poll(() => page.getByText('告警已更新').isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'compliance-alerts');

    expect(await missingKeys(page)).toEqual([]);
    expect(await missingKeys(member.page)).toEqual([]);
    await admin.context.close();
    await member.context.close();
  }, 120_000);
});
