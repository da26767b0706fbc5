import { z } from 'zod';
import type { StoredDisclosurePolicy } from '../contract/disclosure.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { readDisclosurePolicy } from '../db/disclosure.repo.ts';
import { managedBureau } from '../db/fiscal-years.repo.ts';
import type { Actor } from '../domain/access.ts';

const PolicyKeySchema = z.object({
  year: z.number().int().min(1990).max(2100),
  orgCode: z.string().trim().min(1).max(64).optional(),
});

/** The bureau's 公开设置 for `year` (the defaults, version 0, until it saves one). */
export async function getDisclosurePolicy(
  db: Db,
  actor: Actor,
  input: z.input<typeof PolicyKeySchema>,
): Promise<StoredDisclosurePolicy> {
  const key = validateInput(PolicyKeySchema, input, '公开设置');
  const bureau = await managedBureau(db.kysely, actor, key.orgCode);
  const { version, ...policy } = await readDisclosurePolicy(db.kysely, bureau.id, key.year);
  return { orgCode: bureau.code, year: key.year, policy, version };
}
