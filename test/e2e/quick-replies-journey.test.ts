/**
 * A salesperson's quick replies, in a real browser: she opens 话术库, files a personal reply of
 * her own next to the org's reply the admin keeps, finds it by a Chinese keyword, then in a chat
 * inserts it from the composer's quick-reply button and sends it; typing `/` and a keyword into
 * the empty composer inserts the org's reply the same way; the manager page counts both uses.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

const MEMBER_LOGIN = 'wang.lijuan@xinghe-retail.example';
const COMPOSER = '输入消息，Enter 发送，Shift+Enter 换行，@ 提及成员';
const PERSONAL_TEXT = '您好，您的订单今天已发货，预计三天内送达，请注意查收。';
const ORG_TEXT = '感谢您选择星河零售，七天无理由退换货。';

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

describe('quick replies in a real browser', () => {
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

  const asAdmin = (path: string, body?: object) =>
    fetch(`${running.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }).then((r) => r.json());

  it('lets a member write a reply on the manager page, insert it from the composer and send it', async () => {
    // The admin keeps an org reply; a group with the salesperson to chat in.
    const org = await asAdmin('/api/v1/quick-replies', { title: '售后承诺', text: ORG_TEXT, scope: 'org' });
    expect(org.scope).toBe('org');
    const members = (await asAdmin(`/api/v1/members?q=${encodeURIComponent('王丽娟')}`)) as { items: { id: string }[] };
    const group = (await asAdmin('/api/v1/conversations', {
      kind: 'group',
      name: '客户服务群',
      memberIds: [members.items[0]?.id],
    })) as { id: string };

    const { page } = await signedInPage(browser, running.url, MEMBER_LOGIN, demo.demo.password);
    await page.getByRole('menuitem', { name: /话术库$/ }).click();
    await page.waitForURL(/\/quick-replies/);
    await expect.poll(() => page.getByText('售后承诺').first().isVisible(), { timeout: 10_000 }).toBe(true);

    // A member cannot write org replies: the new reply is personal.
    await page.getByRole('button', { name: /新建话术/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('标题').fill('发货通知');
    await dialog.getByLabel('内容').fill(PERSONAL_TEXT);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.locator('tr', { hasText: '发货通知' }).isVisible()).toBe(true);
    expect(await page.locator('tr', { hasText: '发货通知' }).getByText('个人话术').isVisible()).toBe(true);

    const search = page.getByLabel('搜索标题或内容');
    await search.fill('发货');
    await search.press('Enter');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'quick-replies-manager');

    // In the chat: the quick-reply button, a keyword, a click inserts the text; Enter sends it.
    await page.goto(`${running.url}/messages/${group.id}`);
    const composer = page.getByLabel(COMPOSER);
    await composer.waitFor();
    await page.getByRole('button', { name: '话术', exact: true }).click();
    const picker = page.getByTestId('quick-reply-picker');
    await picker.getByLabel('搜索话术').fill('发货');
    await expect.poll(() => picker.getByTestId('quick-reply-option').count()).toBe(1);
    await picker.getByTestId('quick-reply-option').click();
    expect(await composer.inputValue()).toBe(PERSONAL_TEXT);
    await composer.press('Enter');
    await expect
      .poll(() => page.locator('main').getByText(PERSONAL_TEXT).first().isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await composer.inputValue()).toBe('');

    // `/` and a keyword in the empty composer; Enter takes the first match, a second Enter sends.
    await composer.fill('/退换');
    await expect.poll(() => page.getByTestId('quick-reply-option').count()).toBe(1);
    await screenshot(page, 'quick-replies-slash');
    await composer.press('Enter');
    expect(await composer.inputValue()).toBe(ORG_TEXT);
    await composer.press('Enter');
    await expect
      .poll(() => page.locator('main').getByText(ORG_TEXT).first().isVisible(), { timeout: 10_000 })
      .toBe(true);

    // Each insertion counted one use.
    await page.getByRole('menuitem', { name: /话术库$/ }).click();
    await page.waitForURL(/\/quick-replies/);
    for (const title of ['发货通知', '售后承诺']) {
      const row = page.locator('tr', { hasText: title });
      await expect.poll(() => row.locator('td').nth(4).textContent(), { timeout: 10_000 }).toBe('1');
    }
    expect(await missingKeys(page)).toEqual([]);
  }, 120_000);
});
