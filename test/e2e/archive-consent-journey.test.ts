/**
 * Consent to the chat archive, in a real browser: the admin writes the archive notice on the
 * 会话存档 page; a colleague opening an archived group is asked to accept it, puts it off, sends
 * anyway, and is asked again — 「同意并继续」 then delivers the message by itself. A customer
 * joining an external group on a phone reads the notice and declines; the salesperson sees why
 * the group is not archived, and, once the org makes a decline stop messaging, why nobody can
 * send there, until the customer agrees from the chat page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../server/test/smtp-sink.js';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

const MEMBER_LOGIN = 'wang.lijuan@xinghe-retail.example';
const COMPOSER = '输入消息，Enter 发送，Shift+Enter 换行，@ 提及成员';
const NOTICE = '星河零售对工作会话进行存档，仅供合规审计使用。';

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

/** Waits for dialogs and messages to finish animating, so screenshots show them as users do. */
const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().length === 0);

/** Picks an option of the antd Select labelled `label`. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

describe('consent to the chat archive in a real browser', () => {
  let running: RunningConsole;
  let browser: Browser;
  let smtp: SmtpSink;
  let demo: Demo;

  const call = async <T>(method: string, path: string, body?: object): Promise<T> => {
    const res = await fetch(`${running.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(res.ok, `${method} ${path}: ${res.status}`).toBe(true);
    return (await res.json()) as T;
  };
  const bodiesOf = async (conversationId: string) =>
    (await call<{ items: { body: string }[] }>('GET', `/api/v1/conversations/${conversationId}/messages`)).items.map(
      (m) => m.body,
    );

  beforeAll(async () => {
    smtp = await startSmtpSink();
    running = await startConsole({ SMTP_URL: smtp.url, CONCORD_MAIL_FROM: 'Concord <no-reply@example.test>' });
    browser = await launchBrowser();
    demo = (await fetch(`${running.url}/api/v1/setup/demo`, { method: 'POST' }).then((r) => r.json())) as Demo;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await smtp?.close();
  });

  it('asks a colleague to accept the notice before sending, then sends for them', async () => {
    await call('PUT', '/api/v1/archive/settings', { enabled: true, scope: 'all' });
    // The admin writes the org's own notice on the archive page: version 2.
    const admin = await signedInPage(browser, running.url, demo.demo.login, demo.demo.password);
    await admin.page.getByRole('menuitem', { name: /会话存档$/ }).click();
    await admin.page.waitForURL(/\/admin\/archive/);
    await admin.page.getByLabel('存档告知内容').fill(NOTICE);
    await admin.page.getByRole('button', { name: '更新存档告知' }).click();
    await expect.poll(() => admin.page.getByText('存档告知设置已更新').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect
      .poll(() => admin.page.getByTestId('archive-notice-version').innerText(), { timeout: 10_000 })
      .toContain('第 2 版');
    await screenshot(admin.page, 'archive-consent-settings');

    const found = await call<{ items: { id: string }[] }>('GET', `/api/v1/members?q=${encodeURIComponent('王丽娟')}`);
    const group = await call<{ id: string }>('POST', '/api/v1/conversations', {
      kind: 'group',
      name: '门店报价群',
      memberIds: [found.items[0]?.id],
    });

    // Opening the archived group asks for the notice at once; the colleague puts it off.
    const member = await signedInPage(browser, running.url, MEMBER_LOGIN, demo.demo.password);
    const { page } = member;
    await page.goto(`${running.url}/messages/${group.id}`);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => page.getByTestId('archive-notice-text').innerText(), { timeout: 10_000 }).toBe(NOTICE);
    await settled(page);
    await screenshot(page, 'archive-notice-on-open');
    await dialog.getByRole('button', { name: '稍后再说' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    // Sending anyway is refused, and the notice comes back with the message waiting.
    const composer = page.getByLabel(COMPOSER);
    await composer.fill('今天的报价单我来整理');
    await composer.press('Enter');
    await expect
      .poll(() => page.getByText('同意后，未发送的 1 条消息将自动重新发送').isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await bodiesOf(group.id)).toEqual([]);
    await settled(page);
    await screenshot(page, 'archive-notice-after-send');
    await page.getByRole('button', { name: '同意并继续' }).click();
    await expect.poll(() => bodiesOf(group.id), { timeout: 10_000 }).toEqual(['今天的报价单我来整理']);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByTestId('send-error').count()).toBe(0);

    // Accepted once, the next message goes straight out.
    await composer.fill('下午三点前发给客户');
    await composer.press('Enter');
    await expect
      .poll(() => bodiesOf(group.id), { timeout: 10_000 })
      .toEqual(['今天的报价单我来整理', '下午三点前发给客户']);

    expect(await missingKeys(page)).toEqual([]);
    expect(await missingKeys(admin.page)).toEqual([]);
    await member.context.close();
    await admin.context.close();
  }, 120_000);

  it('lets a customer decline at join, and shows the salesperson why', async () => {
    const found = await call<{ items: { id: string }[] }>('GET', `/api/v1/members?q=${encodeURIComponent('王丽娟')}`);
    const group = await call<{ id: string }>('POST', '/api/v1/conversations', {
      kind: 'external',
      name: '星河零售·大客户群',
      memberIds: [found.items[0]?.id],
    });
    const invite = await call<{ url: string }>('POST', `/api/v1/conversations/${group.id}/invites`, {
      expiresInHours: 24,
    });

    // On a phone: the join page shows the notice; the customer declines it and joins.
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
    const guest = await phone.newPage();
    await guest.goto(`${running.url}${invite.url}`);
    await expect.poll(() => guest.getByTestId('guest-archive-notice').innerText(), { timeout: 10_000 }).toBe(NOTICE);
    await guest.getByLabel('你的称呼').fill('陈女士');
    await guest.getByLabel('邮箱').fill('chen@customer.example');
    await guest.getByRole('button', { name: '获取验证码' }).click();
    await expect.poll(() => smtp.mails.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await guest.getByLabel('验证码').fill(smtp.lastCodeFor('chen@customer.example'));
    // Joining without an answer is refused on the page.
    await guest.getByRole('button', { name: '加入群聊' }).click();
    await expect.poll(() => guest.getByText('请选择同意或拒绝存档告知').isVisible()).toBe(true);
    await guest.getByRole('radio', { name: '拒绝' }).check();
    await screenshot(guest, 'archive-consent-join-decline');
    await guest.getByRole('button', { name: '加入群聊' }).click();
    await expect
      .poll(() => guest.getByTestId('guest-consent-bar').innerText(), { timeout: 10_000 })
      .toContain('你已拒绝会话存档');
    expect(await guest.getByTestId('guest-consent-bar').innerText()).toContain('新消息不会被存档');

    // The salesperson sees that the group is not archived, and why.
    const member = await signedInPage(browser, running.url, MEMBER_LOGIN, demo.demo.password);
    await member.page.goto(`${running.url}/messages/${group.id}`);
    const banner = member.page.getByTestId('archive-consent-banner');
    await expect.poll(() => banner.innerText().catch(() => ''), { timeout: 10_000 }).toContain('本会话目前不存档');
    expect(await banner.innerText()).toContain('陈女士');
    await screenshot(member.page, 'archive-consent-not-archived');

    // The org makes a decline stop messaging: the salesperson sees why they cannot send.
    await call('PUT', '/api/v1/archive/settings', { enabled: true, scope: 'all', declinePolicy: 'no_messaging' });
    await member.page.reload();
    await expect
      .poll(() => banner.innerText().catch(() => ''), { timeout: 10_000 })
      .toContain('对方同意前本会话无法发送消息');
    const composer = member.page.getByLabel(COMPOSER);
    await composer.fill('陈女士您好，报价单已发您邮箱');
    await composer.press('Enter');
    await expect
      .poll(() => member.page.getByTestId('send-error').innerText(), { timeout: 10_000 })
      .toContain('外部联系人 陈女士 拒绝了存档告知');
    await screenshot(member.page, 'archive-consent-blocked');

    // The customer changes their mind from the chat page; the salesperson's resend goes out.
    await guest.getByRole('button', { name: '查看告知 / 更改选择' }).click();
    await guest
      .getByRole('dialog')
      .getByRole('button', { name: /同\s*意/ })
      .click();
    await expect
      .poll(() => guest.getByTestId('guest-consent-bar').innerText(), { timeout: 10_000 })
      .toContain('你已同意会话存档');
    // The salesperson's banner goes away by itself: the answer is pushed, not polled.
    await expect.poll(() => member.page.getByTestId('archive-consent-banner').count(), { timeout: 10_000 }).toBe(0);
    await composer.fill('陈女士您好，报价单已发您邮箱');
    await composer.press('Enter');
    await expect.poll(() => bodiesOf(group.id), { timeout: 10_000 }).toContain('陈女士您好，报价单已发您邮箱');

    // The console lists each person's answer.
    const admin = await signedInPage(browser, running.url, demo.demo.login, demo.demo.password);
    await admin.page.goto(`${running.url}/admin/archive`);
    const list = admin.page.getByTestId('archive-consent-list');
    await choose(admin.page, '类型', '外部联系人');
    await expect.poll(() => list.innerText().catch(() => ''), { timeout: 10_000 }).toContain('陈女士');
    expect(await admin.page.getByRole('row', { name: /陈女士/ }).innerText()).toContain('已同意');
    await choose(admin.page, '类型', '成员');
    await choose(admin.page, '状态', '已同意');
    await expect.poll(() => list.innerText().catch(() => ''), { timeout: 10_000 }).toContain('王丽娟');
    expect(await list.innerText()).not.toContain('陈女士');
    await screenshot(admin.page, 'archive-consent-list');

    expect(await missingKeys(guest)).toEqual([]);
    expect(await missingKeys(member.page)).toEqual([]);
    expect(await missingKeys(admin.page)).toEqual([]);
    await phone.close();
    await member.context.close();
    await admin.context.close();
  }, 120_000);
});
