import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestClient, signIn } from '../../../test/api-client.ts';
import { describeEachEngine } from '../../../test/db-engines.ts';
import { loadDemoDataIfEmpty } from '../../usecases/load-demo-data.ts';
import { readBackupManifest } from '../../documents/backup-archive.ts';
import { buildServer } from '../app.ts';

/**
 * The backup download over HTTP. On PGlite the backup's snapshot transaction holds the one
 * connection, so it must never wait for the HTTP client (or for the response's own hooks, which
 * query the database): a backup that is large, unread or abandoned must not stall other requests.
 */
describeEachEngine('POST /api/admin/backup', (getDb) => {
  let app: FastifyInstance;
  let admin: TestClient;
  let baseUrl = '';

  beforeAll(async () => {
    // The demo makes the archive (~32 KB) larger than a stream's buffer (16 KB): a backup writing
    // straight into the reply stalled there, its transaction holding PGlite while onSend queried it.
    await loadDemoDataIfEmpty(getDb());
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
    admin = await signIn(app, getDb(), { role: 'admin' });
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  }, 120_000);
  afterAll(async () => {
    // fetch's keep-alive sockets would hold close() for the keep-alive timeout (72 s); every request is answered by now.
    app?.server.closeAllConnections();
    await app?.close();
  });

  it('downloads a complete backup, and the server answers the next request', { timeout: 60_000 }, async () => {
    const response = await admin.inject({ method: 'POST', url: '/api/admin/backup' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.rawPayload.length).toBeGreaterThan(16 * 1024);
    const manifest = await readBackupManifest({ buffer: response.rawPayload });
    expect(manifest.tables.find((t) => t.name === 'projects')?.rows).toBeGreaterThan(0);
    expect((await admin.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(200);
  });

  it(
    'serves other requests while a download is left unread, and after it is abandoned',
    { timeout: 60_000 },
    async () => {
      const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken };
      const abort = new AbortController();
      const unread = await fetch(`${baseUrl}/api/admin/backup`, { method: 'POST', headers, signal: abort.signal });
      expect(unread.status).toBe(200);
      // Nobody reads the body: other users' requests must still be answered.
      const units = await fetch(`${baseUrl}/api/units`, { headers: { cookie: admin.cookie } });
      expect(units.status).toBe(200);
      abort.abort();
      const again = await fetch(`${baseUrl}/api/admin/backup`, { method: 'POST', headers });
      expect(again.status).toBe(200);
      const manifest = await readBackupManifest({ buffer: Buffer.from(await again.arrayBuffer()) });
      expect(manifest.tables.length).toBeGreaterThan(0);
    },
  );
});
