import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../src/db/database.ts';
import type { Role } from '../src/domain/access.ts';

/** Who a test acts as: a role, scoped to an organisation or unit code (defaults per role in the implementation). */
export interface TestIdentity {
  role: Role;
  orgCode?: string;
}

/** `app.inject` as a signed-in user: the session cookie and the CSRF header are added to every request. */
export interface TestClient {
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/**
 * Signs in as `who` (creating that user when missing) and returns a client that carries the session.
 * Until sessions exist this passes requests through unchanged; the accounts work replaces the body.
 */
export async function signIn(app: FastifyInstance, _db: Db, _who: TestIdentity = { role: 'admin' }): Promise<TestClient> {
  return { inject: (options) => app.inject(options) };
}
