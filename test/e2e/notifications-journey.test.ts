/**
 * Notifications in a real browser: a salesperson on the customer list gets a follow-up reminder
 * live (a toast and a count on the bell, no reload), opens it from the bell to land on the
 * customer, and it counts as read; the same list reads in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/console.js';
import { type DemoConsole, startDemoConsole } from './support/demo-console.js';

describe('notifications in a real browser', () => {
  let c: DemoConsole;

  beforeAll(async () => {
    c = await startDemoConsole();
  }, 120_000);
  afterAll(() => c?.close());

  it('brings a follow-up reminder to the bell live, and opens the customer from it', async () => {
    const customer = (await c.api('/customers', { method: 'POST', body: { name: '提醒测试客户' } })) as { id: string };
    const { context, page } = await c.signIn();
    await page.goto(`${c.running.url}/customers`);
    await expect.poll(() => page.getByTestId('notification-bell').isVisible(), { timeout: 10_000 }).toBe(true);

    const nextAt = new Date(Date.now() + 3000).toISOString();
    await c.api(`/customers/${customer.id}/follow-ups`, {
      method: 'POST',
      body: { kind: 'call', content: '约好周五回电', nextAt },
    });
    const toast = page.getByTestId('notification-toast');
    await expect
      .poll(() => toast.innerText().catch(() => ''), { timeout: 20_000 })
      .toContain('该跟进客户 提醒测试客户 了');
    await screenshot(page, 'notification-live');

    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').filter({ hasText: '提醒测试客户' }).click();
    await page.waitForURL(new RegExp(`/customers/${customer.id}$`));
    await expect
      .poll(async () => ((await c.api('/notifications')) as { unreadCount: number }).unreadCount, { timeout: 10_000 })
      .toBe(0);

    await page.evaluate(() => localStorage.setItem('concord.language', 'en'));
    await page.reload();
    await page.getByTestId('notification-bell').click();
    await expect
      .poll(() => page.getByTestId('notification-list').innerText(), { timeout: 10_000 })
      .toContain('Time to follow up with 提醒测试客户');
    await context.close();
  }, 120_000);
});
