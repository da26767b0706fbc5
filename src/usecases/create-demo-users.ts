import { SYSTEM_ACTOR } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { findUserByUsername } from '../db/users.repo.ts';
import type { Role } from '../domain/access.ts';
import { createUser } from './create-user.ts';

/**
 * One demo user per role on the demo tree (财政局 SHG-CZJ → 主管部门 711 → 单位 711002). The
 * passwords are public (README): demo data only. The administrator is not among them: `jixiao
 * serve` creates `admin` with a random password printed once (or JIXIAO_ADMIN_PASSWORD).
 */
export const DEMO_USERS: readonly { username: string; displayName: string; role: Role; orgCode: string; password: string }[] = [
  { username: 'czj', displayName: '山海关区财政局', role: 'bureau', orgCode: 'SHG-CZJ', password: 'demo-czj-2020' },
  { username: 'zgb', displayName: '山海关区总工会机关', role: 'department', orgCode: '711', password: 'demo-zgb-2020' },
  { username: 'zgh', displayName: '山海关区总工会财务室', role: 'unit', orgCode: '711002', password: 'demo-zgh-2020' },
  { username: 'sj', displayName: '山海关区审计局', role: 'auditor', orgCode: 'SHG-CZJ', password: 'demo-sj-2020' },
];

/** Creates the demo users that do not exist yet (the organisations must be in place). */
export async function createDemoUsers(db: Db): Promise<void> {
  for (const user of DEMO_USERS) {
    if (await findUserByUsername(db.kysely, user.username)) continue;
    await createUser(db, SYSTEM_ACTOR, user);
  }
}
