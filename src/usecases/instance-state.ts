import type { Db } from '../db/database.ts';
import { hasAdministrator, readInstanceSetting, writeInstanceSetting } from '../db/instance.repo.ts';

const DEMO_KEY = 'demo';

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

/** Written by the demo loader in the database itself, so every server of a deployment agrees. */
export async function markDemoLoaded(db: Db): Promise<void> {
  await writeInstanceSetting(db.kysely, DEMO_KEY, 'true');
}
