/**
 * Response-time targets in a real browser: the admin sets a 5-minute target over all-day working
 * hours in 客户设置 → 响应时效; a visitor who came through the admin's contact-me link writes and
 * gets no answer; the server's clock moves 6 minutes on; the admin gets the overdue reminder live
 * on the bell, opens the chat from it and answers, and 客户分析 shows the late answer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../server/test/smtp-sink.js';
import { screenshot } from './support/console.js';
import { type DemoConsole, startDemoConsole } from './support/demo-console.js';

const MIN = 60_000;

describe('customer response-time targets in a real browser', () => {
  let c: DemoConsole;
  let smtp: SmtpSink;
  let clockDir: string;
  const offsetFile = () => join(clockDir, 'offset');
  const moveClock = (ms: number) => writeFileSync(offsetFile(), String(ms));

  beforeAll(async () => {
    smtp = await startSmtpSink();
    clockDir = mkdtempSync(join(tmpdir(), 'concord-e2e-clock-'));
    moveClock(0);
    c = await startDemoConsole({
      SMTP_URL: smtp.url,
      CONCORD_MAIL_FROM: 'Concord <no-reply@example.test>',
      CONCORD_TEST_CLOCK_OFFSET_FILE: offsetFile(),
    });
  }, 120_000);
  afterAll(async () => {
    await c?.close();
    await smtp?.close();
    if (clockDir) rmSync(clockDir, { recursive: true, force: true });
  });

  it('alerts the owner when a customer waits past the target and counts it on the analytics card', {
    timeout: 120_000,
  }, async () => {
    const { member: me } = (await c.api('/me')) as { member: { id: string; name: string } };
    const { context, page } = await c.signIn();
    page.setDefaultTimeout(10_000);

    // 客户设置 → 响应时效: every day, 00:00–24:00, target 5 minutes.
    await page.goto(`${c.running.url}/customers/settings`);
    await page.getByRole('tab', { name: '响应时效' }).click();
    await page.getByRole('checkbox', { name: '周六' }).check();
    await page.getByRole('checkbox', { name: '周日' }).check();
    await page.getByLabel('上班时间').click();
    await page.keyboard.type('00:00');
    await page.keyboard.press('Enter');
    await page.getByLabel('下班时间').click();
    await page.keyboard.type('24:00');
    await page.keyboard.press('Enter');
    await page.getByLabel('首次响应目标').fill('5');
    await expect.poll(() => page.getByText('超过 10 个工作分钟仍未回复时提醒主管').isVisible()).toBe(true);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByText('响应时效设置已保存').isVisible()).toBe(true);
    await screenshot(page, 'response-time-settings');
    expect(await c.api('/response-time/settings')).toMatchObject({
      workDays: [1, 2, 3, 4, 5, 6, 7],
      startTime: '00:00',
      endTime: '24:00',
      targetMinutes: 5,
    });

    // A visitor reaches the admin through a contact-me link and asks a question nobody answers.
    const link = (await c.api('/contact-links', { method: 'POST', body: { name: '官网', tagIds: [] } })) as {
      code: string;
    };
    const email = 'wait@visitor.example';
    await fetch(`${c.running.url}/api/v1/contact/${link.code}/email-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    await expect.poll(() => smtp.mails.length).toBe(1);
    const joined = (await (
      await fetch(`${c.running.url}/api/v1/contact/${link.code}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, code: smtp.lastCodeFor(email), displayName: '等回复的客户' }),
      })
    ).json()) as { token: string; conversationId: string };
    const sent = await fetch(`${c.running.url}/api/v1/conversations/${joined.conversationId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${joined.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientMsgId: 'ask-1', body: '请问今天能发货吗？' }),
    });
    expect(sent.status).toBe(200);

    // Six minutes pass on the server's clock: the admin, who owns the customer, is reminded live.
    await page.goto(`${c.running.url}/customers`);
    await page.getByTestId('notification-bell').waitFor();
    moveClock(6 * MIN);
    const toast = page.getByTestId('notification-toast');
    await expect
      .poll(() => toast.innerText().catch(() => ''), { timeout: 30_000 })
      .toContain('客户 等回复的客户 的消息已等待 5 分钟（工作时间），请尽快回复');
    await screenshot(page, 'response-time-alert');

    // The admin opens the reminder from the bell, lands in the chat and answers.
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').filter({ hasText: '等回复的客户' }).click();
    await page.waitForURL(new RegExp(`/messages/${joined.conversationId}$`));
    const composer = page.getByLabel('输入消息，Enter 发送，Shift+Enter 换行');
    await composer.fill('可以的，下午发出');
    await composer.press('Enter');
    await page.getByText('可以的，下午发出').first().waitFor();

    // 客户分析: the response-time card lists the admin with one message, answered after about six
    // working minutes, so overdue; the chart's 5–10 minute bar holds it.
    await page.goto(`${c.running.url}/customers/analytics`);
    const card = page.getByTestId('response-time-card');
    await card.scrollIntoViewIfNeeded();
    const row = card.getByTestId(`response-time-row-${me.id}`);
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain(me.name);
    const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
    expect(cells.slice(2, 4)).toEqual(['1', '1']);
    expect(cells[4]).toMatch(/^6(\.\d)?$/);
    expect(cells[6]).toBe('1');
    expect(await card.getByLabel('首次响应时长分布柱状图').count()).toBe(1);
    await screenshot(page, 'response-time-analytics');

    // The same card in English, with every text translated.
    await page.evaluate(() => localStorage.setItem('concord.language', 'en'));
    await page.reload();
    await page.getByTestId('response-time-card').getByText('Customer response time').waitFor();
    await page.getByTestId('response-time-card').getByText('Median (min)').waitFor();
    expect(await page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? [])).toEqual(
      [],
    );
    await context.close();
  });
});
