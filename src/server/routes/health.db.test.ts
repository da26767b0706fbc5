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

describeEachEngine('GET /api/health and /api/health/ready', (getDb) => {
  it('answers 200 with the engine when the database answers and its migrations are current', async () => {
    const app = await healthApp(getDb());
    for (const url of ['/api/health', '/api/health/ready']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.json()).toEqual({ status: 'ok', engine: getDb().engine });
    }
    await app.close();
  });

  it('is not ready while a migration this program knows has not run (503 naming it)', async () => {
    const app = await healthApp(getDb());
    const kysely = getDb().kysely;
    const last = (await kysely
      .selectFrom('kysely_migration' as never)
      .select(['name' as never, 'timestamp' as never])
      .orderBy('name' as never, 'desc')
      .executeTakeFirstOrThrow()) as { name: string; timestamp: string };
    await kysely
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', last.name as never)
      .execute();
    try {
      const response = await app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        status: 'unavailable',
        pendingMigrations: [last.name],
        message: expect.stringContaining('迁移'),
      });
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await kysely
        .insertInto('kysely_migration' as never)
        .values(last as never)
        .execute();
      await app.close();
    }
  });
});

// Port 1 on localhost: nothing listens, so every connection is refused at once.
const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 1_000 });
pool.on('error', () => {});
const unreachable: Db = {
  kysely: new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }),
  engine: 'postgres',
  close: async () => {},
};

afterAll(async () => {
  await unreachable.kysely.destroy();
});

it('is alive but not ready when the database cannot be reached: 503 with a Chinese reason (the balancer then skips this server)', async () => {
  const app = await healthApp(unreachable);
  const response = await app.inject({ method: 'GET', url: '/api/health/ready' });
  expect(response.statusCode).toBe(503);
  expect(response.json()).toMatchObject({
    status: 'unavailable',
    engine: 'postgres',
    message: expect.stringContaining('数据库不可用'),
  });
  expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  await app.close();
});
