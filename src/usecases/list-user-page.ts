import { z } from 'zod';
import { PageQuerySchema, type Page, limitOffset } from '../contract/paging.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { type UserFilter, type UserListRow, findUserPage } from '../db/users.repo.ts';
import { ROLES } from '../domain/access.ts';

const UserQueryInputSchema = PageQuerySchema.extend({
  search: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  orgCode: z.string().trim().max(64).optional(),
});

/** One page of users by username, filtered in SQL (GET /api/users; the CLI's `user list` takes them all: listUsers). */
export async function listUserPage(
  db: Db,
  input: UserFilter & { page?: number; pageSize?: number } = {},
): Promise<Page<UserListRow>> {
  const query = validateInput(UserQueryInputSchema, input, '用户列表查询条件');
  const { items, total } = await findUserPage(
    db.kysely,
    { search: query.search, role: query.role, orgCode: query.orgCode },
    limitOffset(query),
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}
