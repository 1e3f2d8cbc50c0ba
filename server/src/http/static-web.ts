/**
 * Serves the web console (the Vite build in web/dist) at `/`: files as they are, hashed
 * `/assets/*` cached for a year, `index.html` never cached, and any other page a browser asks
 * for answered with `index.html` so the console's deep links survive a reload. Paths of the
 * API and the probes keep their JSON 404.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../app/config.js';
import type { App } from './app-type.js';

// server/src/http and server/dist/http sit at the same depth, so this works both ways.
const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const NOT_CONSOLE = /^\/(api|healthz|readyz|metrics)(\/|$)/;

/** Where the console's build is read from. */
export function webDirOf(config: Pick<Config, 'webDir'>): string {
  return resolve(config.webDir ?? DEFAULT_WEB_DIR);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file under root the path names, or null when it escapes the root or cannot be decoded. */
function fileUnder(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = relative(root, resolve(root, `.${decoded}`));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  const parts = rel.split(sep);
  // Dotfiles (.env, .git) are never part of a build; do not serve them if one slipped in.
  if (parts.some((p) => p.startsWith('.'))) return null;
  return parts.join('/');
}

const acceptsHtml = (req: FastifyRequest): boolean => {
  const accept = req.headers.accept;
  return typeof accept === 'string' && accept.includes('text/html');
};

export async function installStaticWeb(app: App, config: Pick<Config, 'webDir'>): Promise<void> {
  const root = webDirOf(config);
  // serve:false: only reply.sendFile; this file decides what is served and how it is cached.
  await app.register(fastifyStatic, { serve: false });

  const sendIndex = async (reply: FastifyReply) => {
    if (!(await isFile(resolve(root, 'index.html')))) {
      return reply
        .status(503)
        .header('cache-control', 'no-store')
        .send({ error: { code: 'internal', message: 'The web console is not built; run npm run build' } });
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', root, { cacheControl: false });
  };

  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    // Public: the console's own files; the API's auth hook only looks at /api/v1.
    config: { public: true },
    schema: { hide: true },
    handler: async (req, reply) => {
      const pathname = req.url.split('?')[0] ?? '/';
      if (NOT_CONSOLE.test(pathname)) return reply.callNotFound();
      if (pathname === '/' || pathname === '/index.html') return sendIndex(reply);
      const file = fileUnder(root, pathname);
      if (file && (await isFile(resolve(root, file)))) {
        if (file.startsWith('assets/')) {
          return reply.sendFile(file, root, { cacheControl: true, maxAge: '365d', immutable: true });
        }
        reply.header('cache-control', 'no-cache');
        return reply.sendFile(file, root, { cacheControl: false });
      }
      if (acceptsHtml(req)) return sendIndex(reply);
      return reply.callNotFound();
    },
  });
}
