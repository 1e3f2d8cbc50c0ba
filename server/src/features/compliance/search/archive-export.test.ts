import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchWorld, type SearchWorld } from '../../../../test/archive-search-fixture.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { pdfPagesText } from '../../../../test/pdf-text.js';
import { STORE_KINDS } from '../../../../test/stores.js';

describe.each(STORE_KINDS)('archive exports on %s', (kind) => {
  let server: TestServer;
  let w: SearchWorld;

  beforeAll(async () => {
    server = await startTestServer(kind);
    w = await buildSearchWorld(server);
  });
  afterAll(() => server.close());

  const download = async (url: string, headers = w.admin) => {
    const res = await w.call(headers, 'GET', url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res;
  };

  it('exports CSV that Excel opens with Chinese intact, naming the exporter', async () => {
    const res = await download(`/api/v1/archive/export?format=csv&q=${encodeURIComponent('客户')}`);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="archive-search-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^导出人,王老板,导出时间,/);
    expect(lines[1]).toBe('时间,会话,会话类型,发送人,发送人类型,类型,内容,修改前内容,文件名,存档序号,记录ID');
    expect(lines[2]).toContain(',客户跟进群,群聊,销售小王,员工,编辑消息,明天下午三点和客户开会,');
    expect(lines.filter((l) => l !== '')).toHaveLength(4);
  });

  it('exports JSON Lines, one parsable object per line after the export header', async () => {
    const res = await download(`/api/v1/archive/export?format=jsonl&conversationId=${w.externalId}`);
    const lines = res.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ export: { exportedBy: { name: '王老板' }, count: 2, truncated: false } });
    expect(lines.slice(1).map((l) => l.text)).toEqual(['收到，价格还能再优惠吗', '赵总您好，报价单已发您邮箱']);
    expect(lines[1]).toMatchObject({ sender: { name: '客户赵总', kind: 'guest' }, conversation: { kind: 'external' } });
  });

  it('exports a conversation as a ZIP of RFC 5322 messages with Chinese subjects and names', async () => {
    const res = await download(`/api/v1/archive/conversations/${w.groupId}/export?format=eml`);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const names = Object.keys(zip.files).sort();
    expect(names.length).toBe(8);
    const mails = await Promise.all(
      names.map(async (name) => simpleParser(await (zip.file(name) as JSZip.JSZipObject).async('nodebuffer'))),
    );
    const first = mails[0];
    expect(first?.subject).toBe('[客户跟进群] 明天上午十点和客户开会，请准备报价单');
    expect(first?.from?.value[0]).toMatchObject({
      name: '销售小王',
      address: `member-${w.seller.id}@archive.concord.invalid`,
    });
    expect(first?.to && !Array.isArray(first.to) ? first.to.value[0]?.name : null).toBe('客户跟进群');
    expect(first?.messageId).toMatch(/^<[0-9a-f-]{36}@archive\.concord\.invalid>$/);
    expect(first?.date?.toISOString()).toMatch(/^2026-/);
    expect(first?.text).toContain('明天上午十点和客户开会，请准备报价单');
    expect(first?.text).toContain('导出人：王老板');
    // Headers mailparser does not know stay encoded words; they decode to the exporter's name.
    const by = String(first?.headers.get('x-concord-exported-by'));
    expect(Buffer.from(by.replace(/^=\?UTF-8\?B\?(.*)\?=$/, '$1'), 'base64').toString('utf8')).toBe('王老板');
    expect(mails.map((m) => m.headers.get('x-concord-record-type'))).toContain('recalled');
    // A long Chinese subject is split into encoded words that still decode to the whole text.
    const raw = await (zip.file(names[0] as string) as JSZip.JSZipObject).async('string');
    expect(raw).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(raw).toContain('Content-Type: text/plain; charset=utf-8');
  });

  it('exports a printable PDF with the CJK font embedded, whose text reads back as the Chinese archived', async () => {
    const res = await download(`/api/v1/archive/export?format=pdf&q=${encodeURIComponent('报价')}`);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+WenQuanYiMicroHei/);
    // What a viewer shows (and copies) is the Chinese that was archived.
    const text = (await pdfPagesText(pdf)).join('\n');
    expect(text).toContain('王老板');
    expect(text).toContain('赵总您好，报价单已发您邮箱');
  });

  it('needs data.export besides archive.view, and records every export in the audit log', async () => {
    const refused = await w.call(w.viewer, 'GET', '/api/v1/archive/export?format=csv');
    expect(refused.statusCode).toBe(403);
    await download(`/api/v1/archive/conversations/${w.externalId}/export?format=jsonl`, w.eastAuditor);
    const entries = await server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after', 'target_id'])
      .where('org_id', '=', w.org.orgId)
      .where('action', '=', 'archive.exported')
      .orderBy('id')
      .execute();
    const last = entries.at(-1);
    expect(last?.target_id).toBe(w.externalId);
    // The east auditor sees the seller's message, not the customer's.
    expect(JSON.parse(last?.after ?? '{}')).toMatchObject({ format: 'jsonl', records: 1, truncated: false });
    expect(entries.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses an unknown format with 400', async () => {
    const res = await w.call(w.admin, 'GET', '/api/v1/archive/export?format=xlsx');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid');
  });
});

describe('PDF export without its font', () => {
  let server: TestServer;
  let w: SearchWorld;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { pdfFont: '/nonexistent/fonts/cjk.ttf' });
    w = await buildSearchWorld(server);
  });
  afterAll(() => server.close());

  it('answers 503 font_unavailable naming the setting, and exports nothing', async () => {
    const res = await w.call(w.admin, 'GET', '/api/v1/archive/export?format=pdf');
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({
      code: 'font_unavailable',
      details: { font: '/nonexistent/fonts/cjk.ttf' },
    });
    expect(res.json().error.message).toContain('CONCORD_PDF_FONT');
    const exported = await server.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('org_id', '=', w.org.orgId)
      .where('action', '=', 'archive.exported')
      .execute();
    expect(exported).toEqual([]);
  });
});
