import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of the web app (decision 021). Scripts only from this origin (Vite
 * emits no inline script); styles also inline, because antd's CSS-in-JS writes <style> elements at
 * run time and a nonce would need index.html rendered per request; images may be data:/blob: URLs
 * (the favicon, ECharts' "save as image"). Nothing may frame the app.
 */
const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // helmet's default would add upgrade-insecure-requests: an intranet install on plain http
  // (http://10.0.0.5:3000) would then fetch its own scripts over https and show a blank page.
  'upgrade-insecure-requests': null,
};

/**
 * Security headers on every response through @fastify/helmet, and the cache rule: API answers carry
 * user data and are never stored (Cache-Control: no-store); the web app's files set their own
 * (hashed assets immutable, index.html revalidated: see app.ts).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // Browsers heed HSTS over https only; no includeSubDomains, so other intranet sites on the same
    // domain that still serve plain http keep working.
    strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs/static/')) {
      reply.header('Cache-Control', 'no-store');
    }
    return payload;
  });
}
