/**
 * 客户朋友圈 in a real browser: a salesperson's customer arrives through her contact-me link
 * (tagged VIP); she writes a post to her VIP customers on the posts page; the customer opens
 * their page on a phone, finds the post under 动态, likes it and comments; the salesperson opens
 * the post, sees the like and the comment and answers, and the customer reads the answer. A
 * comment leaving a phone number reaches her open post live and she takes it down; the customer deletes her own
 * first comment, and the answer to it goes too.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../server/test/smtp-sink.js';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

const POST_TEXT = '春季新品到店，VIP 客户享九折，欢迎预约体验！';
const COMMENT = '周六下午可以去看看吗？';
const ANSWER = '可以的，周六全天都在，欢迎您！';
const SECOND = '我的电话 13800138000，直接打给我';

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

describe('a post reaches the customers a tag picks, and they answer it', () => {
  let running: RunningConsole;
  let browser: Browser;
  let smtp: SmtpSink;
  let demo: Demo;

  const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const res = await fetch(`${running.url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

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

  it('posts to VIP customers, and the customer likes and comments on their page', { timeout: 120_000 }, async () => {
    const groups = await api<{ items: { name: string; tags: { id: string; name: string }[] }[] }>('/tag-groups', {
      method: 'POST',
      body: { name: '客户等级', tags: ['朋友圈VIP'] },
    });
    const vip = groups.items.find((g) => g.name === '客户等级')?.tags[0]?.id ?? '';
    const link = await api<{ code: string }>('/contact-links', {
      method: 'POST',
      body: { name: '门店名片', tagIds: [vip] },
    });

    // The customer arrives through the link on a phone.
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
    const customer = await phone.newPage();
    customer.setDefaultTimeout(8000);
    await customer.goto(`${running.url}/contact/${link.code}`);
    await customer.getByLabel('你的称呼').fill('周女士');
    await customer.getByLabel('邮箱').fill('zhou@visitor.example');
    await customer.getByRole('button', { name: '获取验证码' }).click();
    await expect.poll(() => smtp.mails.length, { timeout: 10_000 }).toBe(1);
    await customer.getByLabel('验证码').fill(smtp.lastCodeFor('zhou@visitor.example'));
    await customer.getByRole('button', { name: '开始聊天' }).click();
    await customer.getByRole('navigation').getByText('动态').waitFor();

    // The salesperson writes the post on the 客户朋友圈 page.
    const member = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const console_ = await member.newPage();
    console_.setDefaultTimeout(8000);
    await console_.goto(`${running.url}/login`);
    await console_.getByLabel('邮箱或手机号').fill(demo.demo.login);
    await console_.getByLabel('密码').fill(demo.demo.password);
    await console_.getByRole('button', { name: '登录' }).click();
    await console_.waitForURL(/\/messages/);
    await console_.getByRole('menuitem', { name: '客户朋友圈' }).click();
    await console_.waitForURL(/\/customers\/posts/);
    await console_.getByRole('button', { name: '发布动态' }).click();
    const dialog = console_.getByRole('dialog');
    await dialog.getByLabel('内容').fill(POST_TEXT);
    await dialog.getByLabel('同时具有').click();
    await console_.locator('.ant-select-dropdown:visible').getByTitle('朋友圈VIP', { exact: true }).click();
    await console_.keyboard.press('Escape');
    await screenshot(console_, 'customer-posts-composer');
    await dialog.getByRole('button', { name: /发\s*布/ }).click();
    const card = console_.locator('[data-testid^="post-"]').filter({ hasText: POST_TEXT });
    await card.waitFor();
    expect(await card.getByText('1 位客户').count()).toBe(1);
    expect(await card.getByText('已发布').count()).toBe(1);
    await screenshot(console_, 'customer-posts-list');

    // The customer finds it under 动态, likes it and comments.
    await customer.getByRole('navigation').getByText('动态').click();
    const post = customer.locator('[data-testid^="guest-post-"]').filter({ hasText: POST_TEXT });
    await post.waitFor();
    await post.getByRole('button', { name: /赞/ }).click();
    await post.getByRole('button', { name: /已赞/ }).waitFor();
    await post.getByLabel('评论').fill(COMMENT);
    await post.getByRole('button', { name: /发\s*送/ }).click();
    await post.getByTestId('guest-post-comments').getByText(COMMENT).waitFor();
    await screenshot(customer, 'customer-posts-phone');

    // The salesperson sees the like and the comment, and answers.
    await console_.reload();
    await card.getByText('1 赞').waitFor();
    await card.getByRole('button', { name: /查\s*看/ }).click();
    const drawer = console_.getByRole('dialog');
    await drawer.getByTestId('post-likes').getByText('周女士').waitFor();
    await drawer.getByTestId('post-comments').getByText(COMMENT).waitFor();
    await drawer.getByRole('button', { name: /回\s*复/ }).click();
    await drawer.getByLabel('输入回复内容').fill(ANSWER);
    await drawer.getByRole('button', { name: /发\s*送/ }).click();
    await drawer.getByTestId('post-comments').getByText(ANSWER).waitFor();
    await screenshot(console_, 'customer-posts-comments');

    // The customer reads the answer under their comment.
    await customer.reload();
    await customer.getByRole('navigation').getByText('动态').click();
    await post.getByTestId('guest-post-comments').getByText(ANSWER).waitFor();
    await screenshot(customer, 'customer-posts-phone-answer');

    // A second comment leaves a phone number; the salesperson takes it down.
    await post.getByLabel('评论').fill(SECOND);
    await post.getByRole('button', { name: /发\s*送/ }).click();
    await post.getByTestId('guest-post-comments').getByText(SECOND).waitFor();
    // It reaches the salesperson's open post without a reload, with a notice in the bell.
    const second = drawer.locator('[data-testid^="post-comment-"]').filter({ hasText: SECOND });
    await second.waitFor();
    await console_
      .getByTestId('notification-toast')
      .filter({ hasText: `周女士 评论了你的客户朋友圈：${SECOND}` })
      .waitFor();
    await second.getByRole('button', { name: /删\s*除/ }).click();
    await console_
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await second.waitFor({ state: 'detached' });
    expect(await drawer.getByTestId('post-comments').getByText(COMMENT).count()).toBe(1);

    // The customer deletes her first comment; the answer goes with it.
    await customer.reload();
    await customer.getByRole('navigation').getByText('动态').click();
    await post.getByTestId('guest-post-comments').getByText(ANSWER).waitFor();
    expect(await post.getByText(SECOND).count()).toBe(0);
    await post.getByRole('button', { name: /删\s*除/ }).click();
    await customer
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await post.getByTestId('guest-post-comments').waitFor({ state: 'detached' });
    expect(await post.getByText(ANSWER).count()).toBe(0);
    expect(await missingKeys(customer)).toEqual([]);
    expect(await missingKeys(console_)).toEqual([]);
    await phone.close();
    await member.close();
  });
});
