/**
 * An auditor's afternoon, in a real browser against a real server: the demo admin turns the chat
 * archive on, colleagues talk about a customer in a group (sent through the API), then the admin
 * opens 会话存档查询, searches 客户, sees the word highlighted in the hits, reads the conversation
 * around one, and downloads the results as a CSV that Excel opens with its Chinese intact.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

describe('archive search in a real browser', () => {
  let running: RunningConsole;
  let browser: Browser;
  let demo: Demo;

  const api = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${running.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    expect(res.status, `${path}: ${res.status}`).toBeLessThan(300);
    return res.json() as Promise<Record<string, unknown>>;
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

  it('finds 客户 in the archive, replays the conversation and downloads a CSV', async () => {
    await api('/api/v1/archive/settings', { method: 'PUT', body: { enabled: true, scope: 'all' } });
    // Sending in an archived conversation needs the archive notice accepted first.
    await api('/api/v1/archive/notice/accept', { method: 'POST', body: { version: 1 } });
    const found = (await api(`/api/v1/members?q=${encodeURIComponent('王丽娟')}`)) as { items: { id: string }[] };
    const group = (await api('/api/v1/conversations', {
      method: 'POST',
      body: { kind: 'group', name: '华东区客户跟进', memberIds: [found.items[0]?.id] },
    })) as { id: string };
    const bodies = ['明天上午和客户确认报价单', 'iPhone15报价已经发给客户了', '收到，下午我再跟进一次'];
    for (const [i, body] of bodies.entries()) {
      await api(`/api/v1/conversations/${group.id}/messages`, {
        method: 'POST',
        body: { clientMsgId: `e2e-${i}`, body },
      });
    }
    // Archiving follows each message right after it is sent; wait until all three are searchable.
    await expect
      .poll(
        async () =>
          ((await api(`/api/v1/archive/search?conversationId=${group.id}`)) as { items: unknown[] }).items.length,
        {
          timeout: 10_000,
        },
      )
      .toBe(3);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${running.url}/login`);
    await page.getByLabel('邮箱或手机号').fill(demo.demo.login);
    await page.getByLabel('密码').fill(demo.demo.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/messages/);

    await page.getByRole('menuitem', { name: '会话存档查询' }).click();
    await page.waitForURL(/\/archive$/);
    await expect.poll(() => page.getByText('输入关键词或选择条件后开始查询').isVisible()).toBe(true);
    await page.getByLabel(/输入关键词/).fill('客户');
    await page.getByRole('button', { name: /查\s*询/ }).click();

    const hits = page.getByTestId('archive-hit');
    await expect.poll(() => hits.count(), { timeout: 10_000 }).toBe(2);
    expect(await hits.first().innerText()).toContain('iPhone15报价已经发给客户了');
    expect(await hits.first().getByTestId('archive-highlight').allInnerTexts()).toEqual(['客户']);
    expect(await hits.nth(1).innerText()).toContain('华东区客户跟进');
    await screenshot(page, 'archive-search-hits');

    // The conversation around the newest hit, with the hit marked and the reply after it.
    await hits.first().getByRole('button', { name: '查看上下文' }).click();
    const replay = page.getByTestId('archive-replay');
    await expect
      .poll(() => replay.innerText().catch(() => ''), { timeout: 10_000 })
      .toContain('收到，下午我再跟进一次');
    expect(await replay.innerText()).toContain('明天上午和客户确认报价单');
    expect(await page.getByTestId('archive-replay-hit').innerText()).toContain('iPhone15报价已经发给客户了');
    await screenshot(page, 'archive-search-replay');
    await page.keyboard.press('Escape');

    // Export the results as CSV: a byte-order mark, then the exporter, the header and the hits.
    await page.getByRole('button', { name: '导出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('CSV（Excel）').click()]);
    expect(download.suggestedFilename()).toMatch(/^archive-search-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) as string);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text).toContain('导出人,林晓雯');
    expect(text).toContain('iPhone15报价已经发给客户了');
    expect(text).toContain('明天上午和客户确认报价单');

    // Each look was audited.
    const audit = (await api('/api/v1/audit?action=archive.exported')) as { items: unknown[] };
    expect(audit.items.length).toBe(1);
    expect(await missingKeys(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('speaks English on the same page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await page.addInitScript(() => localStorage.setItem('concord.language', 'en'));
    await page.goto(`${running.url}/login`);
    await page.getByLabel(/email or mobile/i).fill(demo.demo.login);
    await page.getByLabel(/password/i).fill(demo.demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/messages/);
    await page.goto(`${running.url}/archive`);
    await page.getByLabel(/Words to find/).fill('iphone');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.getByTestId('archive-hit').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('archive-highlight').allInnerTexts()).toEqual(['iPhone']);
    await screenshot(page, 'archive-search-en');
    expect(await missingKeys(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
