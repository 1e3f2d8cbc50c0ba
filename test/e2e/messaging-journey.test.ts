/**
 * Two colleagues chat in a group, each in their own browser: a message typed by one appears for
 * the other without a reload, the reply comes back the same way, and a recall is seen by both.
 * Then a day's work: an image and a file with upload progress (one upload cancelled), an edited
 * message, a grey line when someone joins, the unread badge, and the same pages on a phone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startBuiltServer, waitForHealth } from '../../server/test/built-server.js';
import { launchBrowser, type RunningConsole, screenshot, startConsole } from './support/console.js';

type Demo = { token: string; demo: { login: string; password: string } };

const MEMBER_LOGIN = 'wang.lijuan@xinghe-retail.example';
const COMPOSER = '输入消息，Enter 发送，Shift+Enter 换行，@ 提及成员';

async function signedInPage(
  browser: Browser,
  url: string,
  login: string,
  password: string,
  viewport = { width: 1280, height: 800 },
) {
  const context: BrowserContext = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('邮箱或手机号').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/messages/);
  return { context, page };
}

async function send(page: Page, text: string): Promise<void> {
  const composer = page.getByLabel(COMPOSER);
  await composer.fill(text);
  await composer.press('Enter');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A real PNG of one colour with a lighter band, so the thumbnail is visibly an image. */
function pngOf(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const band = y > height / 3 && y < (2 * height) / 3;
    for (let x = 0; x < width; x++) rows.set(band ? [250, 219, 20] : [22, 119, 255], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const missingKeys = (page: Page) =>
  page.evaluate(() => (window as { concordMissingKeys?: string[] }).concordMissingKeys ?? []);

describe('messaging in a real browser', () => {
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

  it('delivers messages live between two members and shows a recall to both', async () => {
    // The admin opens a group with a colleague through the API; the chat itself happens in the pages.
    const members = await fetch(`${running.url}/api/v1/members?q=${encodeURIComponent('王丽娟')}`, {
      headers: { authorization: `Bearer ${demo.token}` },
    }).then((r) => r.json() as Promise<{ items: { id: string }[] }>);
    const colleague = members.items[0];
    expect(colleague).toBeDefined();
    const created = await fetch(`${running.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'group', name: '华东区周会', memberIds: [colleague?.id] }),
    }).then((r) => r.json() as Promise<{ id: string }>);

    const admin = await signedInPage(browser, running.url, demo.demo.login, demo.demo.password);
    const member = await signedInPage(browser, running.url, MEMBER_LOGIN, demo.demo.password);
    for (const { page } of [admin, member]) {
      await page.goto(`${running.url}/messages/${created.id}`);
      await expect.poll(() => page.getByText('华东区周会').first().isVisible(), { timeout: 10_000 }).toBe(true);
    }

    await send(admin.page, '本周五下午三点开周会，请准时参加');
    await expect
      .poll(() => member.page.getByTestId('message-list').innerText(), { timeout: 10_000 })
      .toContain('本周五下午三点开周会');

    await send(member.page, '收到，我会准时到');
    await expect
      .poll(() => admin.page.getByTestId('message-list').innerText(), { timeout: 10_000 })
      .toContain('收到，我会准时到');
    await screenshot(admin.page, 'messages-admin');
    await screenshot(member.page, 'messages-member');

    // The colleague recalls their reply; both sides see the recall notice instead of the text.
    const reply = member.page.locator('[data-testid^="chat-message-"]', { hasText: '收到，我会准时到' });
    await reply.getByRole('button', { name: '消息操作' }).click();
    await member.page.getByRole('menuitem', { name: '撤回' }).click();
    await expect
      .poll(() => admin.page.getByTestId('message-list').innerText(), { timeout: 10_000 })
      .toContain('王丽娟撤回了一条消息');
    expect(await admin.page.getByTestId('message-list').innerText()).not.toContain('收到，我会准时到');

    // Stored exactly once each, in order.
    const stored = await fetch(`${running.url}/api/v1/conversations/${created.id}/messages`, {
      headers: { authorization: `Bearer ${demo.token}` },
    }).then((r) => r.json() as Promise<{ items: { seq: number; recalledAt: string | null }[] }>);
    expect(stored.items.map((m) => m.recalledAt !== null)).toEqual([false, true]);
    expect(stored.items[0]?.seq).toBeLessThan(stored.items[1]?.seq ?? 0);

    await admin.context.close();
    await member.context.close();
  }, 90_000);

  it('sends images and files, edits a message, shows who joined and counts unread messages', async () => {
    const api = (path: string, init: { method?: string; body?: unknown } = {}) =>
      fetch(`${running.url}${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }).then((r) => r.json());
    const memberId = async (name: string) => {
      const found = (await api(`/api/v1/members?q=${encodeURIComponent(name)}`)) as { items: { id: string }[] };
      const id = found.items[0]?.id;
      expect(id).toBeDefined();
      return id as string;
    };
    const colleague = await memberId('王丽娟');
    const newcomer = await memberId('吴磊');
    const group = (await api('/api/v1/conversations', {
      method: 'POST',
      body: { kind: 'group', name: '门店陈列检查', memberIds: [colleague] },
    })) as { id: string };

    const admin = await signedInPage(browser, running.url, demo.demo.login, demo.demo.password);
    const member = await signedInPage(browser, running.url, MEMBER_LOGIN, demo.demo.password);
    for (const { page } of [admin, member]) {
      await page.goto(`${running.url}/messages/${group.id}`);
      await expect.poll(() => page.getByText('门店陈列检查').first().isVisible(), { timeout: 10_000 }).toBe(true);
    }
    const memberList = member.page.getByTestId('message-list');

    // An image from the picture button: a thumbnail on both sides, full size on a click.
    await admin.page.getByTestId('image-input').setInputFiles({
      name: '门店陈列.png',
      mimeType: 'image/png',
      buffer: pngOf(320, 200),
    });
    const memberImage = member.page.locator('[data-testid^="chat-message-"] img[alt="门店陈列.png"]');
    await expect
      .poll(() => memberImage.evaluate((img: HTMLImageElement) => img.naturalWidth).catch(() => 0), { timeout: 15_000 })
      .toBe(320);
    const adminImage = admin.page.locator('[data-testid^="chat-message-"] img[alt="门店陈列.png"]');
    await expect.poll(() => adminImage.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await admin.page.locator('[data-testid^="pending-"]').count()).toBe(0);

    // A file from the paper-clip button: a card with name and size; the colleague downloads it.
    const report = Buffer.from('门店,陈列得分\n静安店,92\n徐汇店,88\n', 'utf8');
    await admin.page.getByTestId('file-input').setInputFiles({
      name: '陈列评分.csv',
      mimeType: 'text/csv',
      buffer: report,
    });
    const card = member.page.getByTestId('file-card').filter({ hasText: '陈列评分.csv' });
    await expect.poll(() => card.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await card.innerText()).toContain(`${report.length} B`);
    const [download] = await Promise.all([
      member.page.waitForEvent('download'),
      card.getByRole('button', { name: '下载 陈列评分.csv' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('陈列评分.csv');
    expect(await readFile(await download.path())).toEqual(report);

    await memberImage.click();
    await expect
      .poll(() => member.page.locator('.ant-image-preview').first().isVisible(), { timeout: 5_000 })
      .toBe(true);
    await member.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await screenshot(member.page, 'messages-image-preview');
    await member.page.keyboard.press('Escape');

    // The colleague pastes a screenshot into the composer; the admin drops a file on the conversation.
    await member.page.getByLabel(COMPOSER).evaluate(
      (el, bytes) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], '货架截图.png', { type: 'image/png' }));
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      [...pngOf(120, 80)],
    );
    const pasted = admin.page.locator('[data-testid^="chat-message-"] img[alt="货架截图.png"]');
    await expect
      .poll(() => pasted.evaluate((img: HTMLImageElement) => img.naturalWidth).catch(() => 0), { timeout: 15_000 })
      .toBe(120);
    await admin.page.getByTestId('conversation-pane').evaluate((el, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], '巡店清单.txt', { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        el.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    }, '1. 陈列\n2. 价签\n');
    await expect
      .poll(() => member.page.getByTestId('file-card').filter({ hasText: '巡店清单.txt' }).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);

    // A slow upload shows its progress in the bubble and can be cancelled: nothing is sent.
    const cdp = await admin.context.newCDPSession(admin.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 64 * 1024,
    });
    await admin.page.getByTestId('file-input').setInputFiles({
      name: '陈列视频.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(1024 * 1024, 7),
    });
    const pending = admin.page.locator('[data-testid^="pending-"]', { hasText: '陈列视频.bin' });
    const percent = async () => Number.parseInt(await pending.getByTestId('upload-progress').innerText(), 10) || 0;
    await expect.poll(percent, { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(admin.page, 'messages-upload-progress');
    await pending.getByRole('button', { name: '取消上传' }).click();
    await expect.poll(() => pending.count(), { timeout: 5_000 }).toBe(0);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    // The admin corrects a message; the colleague sees the new text marked as edited.
    await send(admin.page, '周会改到周四下午三点');
    await expect.poll(() => memberList.innerText(), { timeout: 10_000 }).toContain('周会改到周四下午三点');
    const mine = admin.page.locator('[data-testid^="chat-message-"]', { hasText: '周会改到周四下午三点' });
    await mine.getByRole('button', { name: '消息操作' }).click();
    await admin.page.getByRole('menuitem', { name: '编辑' }).click();
    await expect.poll(() => admin.page.getByTestId('edit-preview').isVisible()).toBe(true);
    const composer = admin.page.getByLabel(COMPOSER);
    expect(await composer.inputValue()).toBe('周会改到周四下午三点');
    await composer.fill('周会改到周五下午三点');
    await composer.press('Enter');
    const edited = member.page.locator('[data-testid^="chat-message-"]', { hasText: '周会改到周五下午三点' });
    await expect.poll(() => edited.innerText().catch(() => ''), { timeout: 10_000 }).toContain('(已编辑)');
    expect(await memberList.innerText()).not.toContain('周会改到周四下午三点');

    // A newcomer is added: both see a grey line saying who added whom.
    await api(`/api/v1/conversations/${group.id}/members`, { method: 'POST', body: { memberIds: [newcomer] } });
    const line = member.page.getByTestId('system-line').filter({ hasText: '吴磊' });
    await expect.poll(() => line.innerText().catch(() => ''), { timeout: 10_000 }).toBe('林晓雯邀请吴磊加入了群聊');
    await expect
      .poll(() =>
        admin.page
          .getByTestId('system-line')
          .filter({ hasText: '吴磊' })
          .innerText()
          .catch(() => ''),
      )
      .toBe('你邀请吴磊加入了群聊');
    await screenshot(member.page, 'messages-attachments-member');
    await screenshot(admin.page, 'messages-attachments-admin');

    // The line is part of the conversation's history: it is still there after a reload.
    await member.page.reload();
    await expect.poll(() => line.innerText().catch(() => ''), { timeout: 10_000 }).toBe('林晓雯邀请吴磊加入了群聊');

    // A message in another chat raises the unread count on the 消息 entry of the navigation.
    const badge = member.page.getByTestId('nav-badge-messages');
    const unreadBefore = Number((await badge.innerText().catch(() => '0')).trim() || '0');
    const direct = (await api('/api/v1/conversations', {
      method: 'POST',
      body: { kind: 'direct', memberId: colleague },
    })) as { id: string };
    await api(`/api/v1/conversations/${direct.id}/messages`, {
      method: 'POST',
      body: { clientMsgId: 'e2e-unread-1', body: '下午有空吗？' },
    });
    await expect.poll(() => badge.innerText().catch(() => ''), { timeout: 10_000 }).toBe(String(unreadBefore + 1));
    await screenshot(member.page, 'messages-unread-badge');

    for (const { page } of [admin, member]) expect(await missingKeys(page)).toEqual([]);
    await admin.context.close();
    await member.context.close();

    // On a phone the list and the conversation take turns; the composer and its buttons fit.
    const phone = await signedInPage(browser, running.url, MEMBER_LOGIN, demo.demo.password, {
      width: 375,
      height: 812,
    });
    await expect
      .poll(() => phone.page.getByTestId(`conversation-${group.id}`).isVisible(), { timeout: 10_000 })
      .toBe(true);
    await screenshot(phone.page, 'messages-phone-list');
    // The menu button carries a dot; the drawer's 消息 entry the count.
    await phone.page.getByTestId('nav-toggle').click();
    await expect
      .poll(
        () =>
          phone.page
            .getByTestId('nav-badge-messages')
            .innerText()
            .catch(() => ''),
        { timeout: 10_000 },
      )
      .not.toBe('');
    await phone.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await screenshot(phone.page, 'messages-phone-nav');
    await phone.page.keyboard.press('Escape');
    await phone.page.getByTestId(`conversation-${group.id}`).click();
    await expect.poll(() => phone.page.getByRole('button', { name: '返回会话列表' }).isVisible()).toBe(true);
    expect(await phone.page.getByTestId(`conversation-${group.id}`).count()).toBe(0);
    const phoneComposer = phone.page.getByLabel(COMPOSER);
    for (const control of [
      phoneComposer,
      phone.page.getByRole('button', { name: '发送图片' }),
      phone.page.getByRole('button', { name: '发送文件' }),
      phone.page.getByRole('button', { name: '发送', exact: true }),
    ]) {
      const box = await control.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
    }
    await expect
      .poll(() => phone.page.locator('[data-testid^="chat-message-"] img[alt="门店陈列.png"]').isVisible(), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await send(phone.page, '手机上也能回复');
    await expect
      .poll(() => phone.page.getByTestId('message-list').innerText(), { timeout: 10_000 })
      .toContain('手机上也能回复');
    await screenshot(phone.page, 'messages-phone-conversation');
    await phone.page.getByRole('button', { name: '返回会话列表' }).click();
    await expect.poll(() => phone.page.getByTestId(`conversation-${group.id}`).isVisible()).toBe(true);
    expect(await missingKeys(phone.page)).toEqual([]);
    await phone.context.close();
  }, 180_000);

  it('refuses a file over the size limit with the limit in words, and the refused file can be removed', async () => {
    // A second server whose limit is 64 KB, so the refusal comes from the real upload route.
    const dataDir = mkdtempSync(join(tmpdir(), 'concord-e2e-limit-'));
    const port = await freePort();
    const limited = startBuiltServer({
      CONCORD_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      CONCORD_ATTACHMENT_LIMIT: String(64 * 1024),
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHealth(`${url}/healthz`, limited, 15_000);
      const setup = (await fetch(`${url}/api/v1/setup/demo`, { method: 'POST' }).then((r) => r.json())) as Demo;
      const as = (token: string) => (path: string, body: unknown) =>
        fetch(`${url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json());
      const group = (await as(setup.token)('/api/v1/conversations', {
        kind: 'group',
        name: '素材收集',
        memberIds: [],
      })) as { id: string };
      const admin = await signedInPage(browser, url, setup.demo.login, setup.demo.password);
      await admin.page.goto(`${url}/messages/${group.id}`);
      await expect.poll(() => admin.page.getByText('素材收集').first().isVisible(), { timeout: 10_000 }).toBe(true);

      await admin.page.getByTestId('file-input').setInputFiles({
        name: '门店全景.mov',
        mimeType: 'video/quicktime',
        buffer: Buffer.alloc(200 * 1024, 1),
      });
      const refused = admin.page.locator('[data-testid^="pending-"]', { hasText: '门店全景.mov' });
      await expect
        .poll(
          () =>
            refused
              .getByTestId('send-error')
              .innerText()
              .catch(() => ''),
          { timeout: 10_000 },
        )
        .toBe('文件过大，最大 64 KB');
      // Sending the same bytes again cannot work: no 重发, only 移除.
      expect(await refused.getByRole('button', { name: '重发' }).count()).toBe(0);
      await screenshot(admin.page, 'messages-file-too-large');
      await refused.getByRole('button', { name: '移除' }).click();
      await expect.poll(() => refused.count()).toBe(0);

      // A colleague writes to the admin: with the side menu collapsed the count is a dot on 消息.
      const colleague = (await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: MEMBER_LOGIN, password: setup.demo.password }),
      }).then((r) => r.json())) as { token: string; member: { id: string } };
      const me = (await fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${setup.token}` } }).then((r) =>
        r.json(),
      )) as { member: { id: string } };
      const direct = (await as(colleague.token)('/api/v1/conversations', {
        kind: 'direct',
        memberId: me.member.id,
      })) as { id: string };
      await as(colleague.token)(`/api/v1/conversations/${direct.id}/messages`, {
        clientMsgId: 'e2e-limit-1',
        body: '素材超过大小了吗？',
      });
      await expect
        .poll(
          () =>
            admin.page
              .getByTestId('nav-badge-messages')
              .innerText()
              .catch(() => ''),
          { timeout: 10_000 },
        )
        .toBe('1');
      await admin.page.locator('.ant-layout-sider-trigger').click();
      const dot = admin.page.locator('.ant-layout-sider .ant-menu-item .ant-badge-dot');
      await expect.poll(() => dot.isVisible(), { timeout: 5_000 }).toBe(true);
      await admin.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      await screenshot(admin.page, 'messages-collapsed-nav-badge');
      expect(await missingKeys(admin.page)).toEqual([]);
      await admin.context.close();
    } finally {
      limited.child.kill('SIGTERM');
      await limited.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
