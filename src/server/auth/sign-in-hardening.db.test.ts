import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db-engines.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { createUser } from '../../usecases/create-user.ts';
import { setUserEnabled } from '../../usecases/disable-user.ts';
import { SESSION_RULES } from '../../domain/session-rules.ts';
import { buildServer } from '../app.ts';
import { parseTrustProxy } from '../trust-proxy.ts';

/** Item 3 of issue 13: sign-in tells an attacker nothing (decision 019). */
const PASSWORD = 'orchard-lantern-2026';

describeEachEngine('sign-in tells an attacker nothing', (getDb) => {
  let app: FastifyInstance;
  let nextAddress = 0;
  /** A fresh client address per attempt, so the per-address limit stays out of the way. */
  const address = () => `10.50.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
    for (const username of ['alice', 'dora'])
      await createUser(getDb(), SYSTEM_ACTOR, { username, role: 'admin', password: PASSWORD });
    await setUserEnabled(getDb(), SYSTEM_ACTOR, { username: 'dora', enabled: false });
  });

  const attempt = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/session', remoteAddress: address(), payload: { username, password } });
  const answer = (r: LightMyRequestResponse) => ({
    status: r.statusCode,
    body: r.body,
    cookie: r.headers['set-cookie'] ?? null,
  });

  it("answers an unknown name, a wrong password and a disabled account's wrong password with the same status and body", async () => {
    const unknown = answer(await attempt('nobody', 'wrong-password-1'));
    const wrong = answer(await attempt('alice', 'wrong-password-1'));
    const disabled = answer(await attempt('dora', 'wrong-password-1'));
    expect(unknown).toEqual({
      status: 401,
      // The reason key lets the web word it in English (decision 043); it is the same for every name too.
      body: JSON.stringify({
        error: {
          code: 'UNAUTHENTICATED',
          message: '用户名或密码不正确',
          issues: [],
          details: { reason: 'auth.wrong-credentials' },
        },
      }),
      cookie: null,
    });
    expect(wrong).toEqual(unknown);
    expect(disabled).toEqual(unknown);
    // Locked: the same words whether the name exists or not.
    for (let i = 1; i < SESSION_RULES.maxFailures - 1; i++) {
      for (const name of ['nobody', 'alice', 'dora']) await attempt(name, 'wrong-password-1');
    }
    const locked = ['nobody', 'alice', 'dora'].map(async (name) => answer(await attempt(name, 'wrong-password-1')));
    const [a, b, c] = await Promise.all(locked);
    expect(a!.status).toBe(423);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    // The right password of a locked name: the same answer too.
    expect(answer(await attempt('alice', PASSWORD))).toEqual(a);
  });

  it('takes as long for an unknown name as for a wrong password (medians of 20, interleaved)', async () => {
    const unknown: number[] = [];
    const wrong: number[] = [];
    // Distinct names per round: every attempt does a first failure's work, none is cut short by a lock.
    for (let i = 0; i < 20; i++) {
      await createUser(getDb(), SYSTEM_ACTOR, { username: `timing${i}`, role: 'admin', password: PASSWORD });
    }
    for (let i = 0; i < 20; i++) {
      for (const [samples, name] of [
        [unknown, `ghost${i}`],
        [wrong, `timing${i}`],
      ] as const) {
        const started = process.hrtime.bigint();
        const response = await attempt(name, 'wrong-password-2');
        samples.push(Number(process.hrtime.bigint() - started) / 1e6);
        expect(response.statusCode).toBe(401);
      }
    }
    const ratio = median(unknown) / median(wrong);
    console.info(
      `sign-in timing: unknown name median ${median(unknown).toFixed(1)} ms, wrong password ${median(wrong).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
    );
    // Without the dummy hash an unknown name answers ~10× faster (ratio ~0.1); the band allows for a
    // shared machine's noise (0.86–1.14 measured while six other test runs shared two cores).
    expect(ratio).toBeGreaterThan(0.67);
    expect(ratio).toBeLessThan(1.5);
  }, 120_000);
});

describeEachEngine('the per-address limit behind a proxy', (getDb) => {
  const servers: FastifyInstance[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  async function server(trustProxy: string | undefined): Promise<FastifyInstance> {
    const app = await buildServer({ db: getDb(), webRoot: '/nonexistent', trustProxy: parseTrustProxy(trustProxy) });
    servers.push(app);
    return app;
  }

  /** Fails the address's limit from `remoteAddress`, each try with a freshly forged X-Forwarded-For prefix. */
  async function exhaust(app: FastifyInstance, remoteAddress: string, realClient: string | null): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i <= SESSION_RULES.ipMaxFailures; i++) {
      const forged = `203.0.113.${i}`;
      const xff = realClient === null ? forged : `${forged}, ${realClient}`;
      const r = await app.inject({
        method: 'POST',
        url: '/api/session',
        remoteAddress,
        headers: { 'x-forwarded-for': xff },
        payload: { username: `xff-guess-${remoteAddress}-${i}`, password: 'wrong-password-3' },
      });
      statuses.push(r.statusCode);
    }
    return statuses;
  }

  it('with one hop, keys on the address the proxy added: a forged X-Forwarded-For neither resets nor escapes it', async () => {
    const app = await server('1');
    const statuses = await exhaust(app, '10.60.0.1', '198.51.100.7');
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another client behind the same proxy is not limited.
    const other = await app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: '10.60.0.1',
      headers: { 'x-forwarded-for': '198.51.100.8' },
      payload: { username: 'someone', password: 'wrong-password-3' },
    });
    expect(other.statusCode).toBe(401);
  });

  it('with a list of proxies, ignores X-Forwarded-For from anyone else: a direct client cannot pick its address', async () => {
    const app = await server('10.70.0.0/16, 10.71.0.9');
    const statuses = await exhaust(app, '192.0.2.55', null);
    expect(statuses.at(-1)).toBe(429);
    // Through a listed proxy, the forwarded client is the key.
    const viaProxy = await app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: '10.71.0.9',
      headers: { 'x-forwarded-for': '192.0.2.56' },
      payload: { username: 'someone', password: 'wrong-password-3' },
    });
    expect(viaProxy.statusCode).toBe(401);
  });

  it('without a proxy setting, X-Forwarded-For is ignored altogether', async () => {
    const app = await server(undefined);
    expect((await exhaust(app, '192.0.2.77', null)).at(-1)).toBe(429);
  });
});

describe('JIXIAO_TRUST_PROXY', () => {
  it('reads nothing, a hop count or a list of addresses and CIDRs, and refuses "true" and nonsense', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy(' 10.0.0.5 , 10.1.0.0/16,::1,loopback')).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
      'loopback',
    ]);
    expect(() => parseTrustProxy('true')).toThrow(/JIXIAO_TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/CIDR/);
    expect(() => parseTrustProxy('proxy.example')).toThrow(/CIDR/);
  });
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
