import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db-engines.ts';
import type { Db } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import { healthRoutes } from './health.ts';

/** The health route alone (the full server may still carry an older /api/health while this one lands). */
async function healthApp(db: Db): Promise<FastifyInstance> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(healthRoutes(db));
  return app;
}

describeEachEngine('GET /api/health', (getDb) => {
  it('answers 200 with the engine when the database answers', async () => {
    const app = await healthApp(getDb());
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', engine: getDb().engine });
    await app.close();
  });
});

// Port 1 on localhost: nothing listens, so every connection is refused at once.
const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 1_000 });
pool.on('error', () => {});
const unreachable: Db = { kysely: new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgres', close: async () => {} };

afterAll(async () => {
  await unreachable.kysely.destroy();
});

it('answers 503 with a Chinese reason when the database cannot be reached (the balancer then skips this server)', async () => {
  const app = await healthApp(unreachable);
  const response = await app.inject({ method: 'GET', url: '/api/health' });
  expect(response.statusCode).toBe(503);
  expect(response.json()).toMatchObject({ status: 'unavailable', engine: 'postgres', message: expect.stringContaining('数据库不可用') });
  await app.close();
});
