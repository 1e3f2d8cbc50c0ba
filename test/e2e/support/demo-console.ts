/**
 * The usual start of a journey: a console seeded with the demo org, a browser, the demo admin's
 * API token for setting the scene, and signing a page in as the demo admin.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, type RunningConsole, startConsole } from './console.js';

export type DemoConsole = {
  running: RunningConsole;
  browser: Browser;
  demo: { token: string; demo: { login: string; password: string } };
  /** Calls the API as the demo admin; throws with the body on an error status. */
  api(path: string, init?: { method?: string; body?: unknown }): Promise<Record<string, unknown>>;
  /** A new browser context signed in as the demo admin, in Chinese or English. */
  signIn(language?: 'zh-CN' | 'en'): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
};

/** `env`: extra environment for the server, as `startConsole` takes it. */
export async function startDemoConsole(env: Record<string, string> = {}): Promise<DemoConsole> {
  const running = await startConsole(env);
  const browser = await launchBrowser();
  const res = await fetch(`${running.url}/api/v1/setup/demo`, { method: 'POST' });
  const demo = (await res.json()) as DemoConsole['demo'];
  return {
    running,
    browser,
    demo,
    async api(path, init = {}) {
      const answer = await fetch(`${running.url}/api/v1${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      });
      if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
      return answer.json() as Promise<Record<string, unknown>>;
    },
    async signIn(language = 'zh-CN') {
      const english = language === 'en';
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: english ? 'en-US' : 'zh-CN',
      });
      const page = await context.newPage();
      if (english) await page.addInitScript(() => localStorage.setItem('concord.language', 'en'));
      await page.goto(`${running.url}/login`);
      await page.getByLabel(english ? /email or mobile/i : '邮箱或手机号').fill(demo.demo.login);
      await page.getByLabel(english ? /password/i : '密码').fill(demo.demo.password);
      await page.getByRole('button', { name: english ? 'Sign in' : '登录' }).click();
      await page.waitForURL(/\/messages/);
      return { context, page };
    },
    async close() {
      await browser.close();
      await running.stop();
    },
  };
}
