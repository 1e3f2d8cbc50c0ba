import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body>控制台</body></html>';
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the web console', () => {
  let webDir: string;
  let server: TestServer;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'concord-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log("concord")');
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(webDir, '.env'), 'SECRET=1');
    server = await startTestServer('sqlite', { webDir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string, accept?: string) =>
    server.app.inject({ method: 'GET', url, headers: accept ? { accept } : {} });

  it('serves index.html at / without caching, under the helmet CSP', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.body).toBe(INDEX);
  });

  it('answers a deep link a browser reloads with index.html', async () => {
    for (const url of ['/directory/anything', '/directory/members/123?tab=roles']) {
      const res = await get(url, HTML);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(INDEX);
    }
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await get('/assets/app.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toBe('console.log("concord")');
  });

  it('serves other files of the build, revalidated on each use', async () => {
    const res = await get('/favicon.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with the JSON 404, not the page', async () => {
    const res = await get('/assets/gone.js', '*/*');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('never serves dotfiles or paths outside the build', async () => {
    expect((await get('/.env')).statusCode).toBe(404);
    const up = await get('/%2e%2e/%2e%2e/package.json');
    expect(up.statusCode).toBe(404);
    expect(up.body).not.toMatch(/"name"/);
  });

  it('keeps the JSON 404 for unknown API paths, even from a browser', async () => {
    for (const url of ['/api/v1/nope', '/api/nope', '/healthz/x', '/metrics/x']) {
      const res = await get(url, HTML);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('answers other methods outside the API with the JSON 404', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/something', headers: { accept: HTML } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found', message: 'No route for POST /something' } });
  });

  it('leaves API routes, health and docs alone', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    const me = await get('/api/v1/me', HTML);
    expect(me.statusCode).toBe(401);
    expect((await get('/api/docs/json')).statusCode).toBe(200);
  });
});

describe('the web console when it is not built', () => {
  let webDir: string;
  let server: TestServer;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'concord-noweb-'));
    server = await startTestServer('sqlite', { webDir: join(webDir, 'missing') });
  });
  afterAll(async () => {
    await server.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers / and deep links with a 503 that says how to build it', async () => {
    for (const url of ['/', '/directory/members/1']) {
      const res = await server.app.inject({ method: 'GET', url, headers: { accept: HTML } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        error: { code: 'internal', message: 'The web console is not built; run npm run build' },
      });
    }
    expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
