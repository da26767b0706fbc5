import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { findUserByUsername, insertUser } from '../db/users.repo.ts';
import { type Role, SYSTEM_ACTOR } from '../domain/access.ts';
import { hashPassword } from '../db/password-hash.ts';

/**
 * One demo user per role on the demo tree (财政局 SHG-CZJ → 主管部门 711, a 工会 → 单位 711002), and the
 * superior union's reviewer `sgh` at 711 beside the older `zgb`. The
 * passwords are public (README): they exist only in a database the demo was loaded into (`jixiao
 * demo`, `serve --demo`). The administrator is not among them: it comes from `jixiao setup` or the
 * one-time setup link `serve` prints while there is none.
 */
export const DEMO_USERS: readonly {
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  password: string;
}[] = [
  { username: 'czj', displayName: '山海关区财政局', role: 'bureau', orgCode: 'SHG-CZJ', password: 'demo-czj-2020' },
  { username: 'zgb', displayName: '山海关区总工会机关', role: 'department', orgCode: '711', password: 'demo-zgb-2020' },
  { username: 'zgh', displayName: '山海关区总工会财务室', role: 'unit', orgCode: '711002', password: 'demo-zgh-2020' },
  { username: 'sj', displayName: '山海关区审计局', role: 'auditor', orgCode: 'SHG-CZJ', password: 'demo-sj-2020' },
  // The superior union's reviewer (decision 049): 711 is typed 工会, so its stage reads 上级工会审核.
  { username: 'sgh', displayName: '上级工会审核人', role: 'department', orgCode: '711', password: 'demo-sgh-2020' },
];

/**
 * Creates the demo users that do not exist yet (the organisations must be in place). Written
 * directly rather than through createUser: their passwords are published and would not pass the
 * password policy (`demo-czj-2020` contains the user name) — which is the point of a demo, and
 * why only the demo loader may create them.
 */
export async function createDemoUsers(db: Db): Promise<void> {
  for (const user of DEMO_USERS) {
    if (await findUserByUsername(db.kysely, user.username)) continue;
    const passwordHash = await hashPassword(user.password);
    await inTransaction(db, async (trx) => {
      const { username, displayName, role, orgCode } = user;
      await insertUser(trx, { username, displayName, role, orgCode, passwordHash });
      await recordAudit(trx, SYSTEM_ACTOR, {
        action: 'create-user',
        entity: 'user',
        entityKey: username,
        after: { username, displayName, role, orgCode, demo: true },
      });
    });
  }
}
