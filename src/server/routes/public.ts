import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import { MANIFEST_FILE } from '../../domain/disclosure/packages.ts';
import { type PublicAddress, readPublicDisclosure } from '../../usecases/read-public-disclosure.ts';
import { attachment } from '../file-reply.ts';
import { indexPage, notFoundPage, packagePage, yearsPage } from '../public-html.ts';

/** What search engines may read: the public disclosure pages, not the API or the signed-in app. */
const ROBOTS_TXT = 'User-agent: *\nAllow: /public/\nDisallow: /api/\nDisallow: /\n';

/** Anonymous visitors share this many requests per address and minute (a crawler's pace is far below it). */
const REQUESTS_PER_MINUTE = 240;

/**
 * The public, anonymous disclosure pages (decision 047): `/public/<bureau>/` (years), `/public/<bureau>/<year>/`
 * (index), `/public/<bureau>/<year>/<unit>/<budget|final>` (a package), its files and manifest, an older
 * version's files under `…/<kind>/<n>/<file>`. Server-written HTML, no session needed; every miss is the same 404.
 */
export function publicRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    const limited = addressLimiter(REQUESTS_PER_MINUTE);
    const config = { access: 'public' as const };
    const serve = async (request: FastifyRequest, reply: FastifyReply) => {
      if (limited(request.ip))
        return reply.code(429).header('Retry-After', '60').type('text/plain').send('请求过于频繁，请稍后再试');
      const found = await readPublicDisclosure(db, request.params as PublicAddress);
      reply.header('Cache-Control', 'no-cache');
      if (!found) return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage());
      switch (found.page) {
        case 'years':
          return html(reply, yearsPage(found.bureauCode, found.bureauName, found.years));
        case 'index':
          return html(reply, indexPage(found.bureauCode, found.bureauName, found.year, found.rows));
        case 'package':
          return html(reply, packagePage(found.bureauCode, found.versions));
        case 'file':
          if (found.fileName === MANIFEST_FILE) return reply.type(found.contentType).send(found.content);
          return attachment(reply, found.contentType, found.fileName, asciiNameOf(found.fileName)).send(found.content);
      }
    };
    app.get('/robots.txt', { config }, async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send(ROBOTS_TXT),
    );
    for (const path of [
      '/public/:bureau',
      '/public/:bureau/',
      '/public/:bureau/:year',
      '/public/:bureau/:year/',
      '/public/:bureau/:year/:unit/:kind',
      '/public/:bureau/:year/:unit/:kind/:file',
      '/public/:bureau/:year/:unit/:kind/:version/:file',
    ])
      app.get(path, { config }, serve);
    // Anything else under /public/ (not the web app's fallback page): the same 404.
    const missing = async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.code(404).type('text/html; charset=utf-8').send(notFoundPage());
    app.get('/public', { config }, missing);
    app.get('/public/*', { config }, missing);
  };
}

function html(reply: FastifyReply, body: string): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(body);
}

/** "秦皇岛…绩效目标.docx" → "disclosure.docx": the ASCII fallback keeps the extension only. */
function asciiNameOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return `disclosure${dot > 0 ? fileName.slice(dot) : ''}`;
}

/** A fixed one-minute window per client address; the map is cleared each window, so it never grows beyond one minute's visitors. */
function addressLimiter(perMinute: number): (address: string) => boolean {
  let windowStart = Date.now();
  const counts = new Map<string, number>();
  return (address) => {
    const now = Date.now();
    if (now - windowStart >= 60_000) {
      counts.clear();
      windowStart = now;
    }
    const count = (counts.get(address) ?? 0) + 1;
    counts.set(address, count);
    return count > perMinute;
  };
}
