import type { Db } from '../db/database.ts';
import { DEMO_KEY, hasAdministrator, readInstanceSetting } from '../db/instance.repo.ts';

export interface InstanceState {
  /** The demo data and its accounts (public passwords) were loaded into this database. */
  demo: boolean;
  /** No administrator yet: the first one comes from `jixiao setup` or the setup link. */
  needsSetup: boolean;
}

export async function getInstanceState(db: Db): Promise<InstanceState> {
  const [demo, hasAdmin] = await Promise.all([readInstanceSetting(db.kysely, DEMO_KEY), hasAdministrator(db.kysely)]);
  return { demo: demo === 'true', needsSetup: !hasAdmin };
}
