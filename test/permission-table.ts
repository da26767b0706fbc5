import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PERMISSIONS, type Permission, ROLES, type Role } from '../src/domain/access.ts';
import type { Scope } from '../src/domain/permissions.ts';

const DOC = resolve(import.meta.dirname, '../docs/permissions.md');

/**
 * The permission table as committed in docs/permissions.md: the first markdown table whose header
 * starts with `permission` and names the roles. Cells: `all`, `own`, `—` (none).
 */
export function readPermissionDoc(path = DOC): Record<Role, Record<Permission, Scope>> {
  const lines = readFileSync(path, 'utf8').split('\n');
  const headerIndex = lines.findIndex((line) => /^\|\s*permission\s*\|\s*admin\s*\|/.test(line));
  if (headerIndex < 0) throw new Error('docs/permissions.md has no "| permission | admin | …" table');
  const roles = cells(lines[headerIndex]!).slice(1);
  if (roles.join() !== ROLES.join()) throw new Error(`role columns ${roles.join()} differ from ${ROLES.join()}`);
  const table = Object.fromEntries(ROLES.map((role) => [role, {}])) as Record<Role, Record<Permission, Scope>>;
  const seen: string[] = [];
  for (const line of lines.slice(headerIndex + 2)) {
    if (!line.startsWith('|')) break;
    const [permission, ...scopes] = cells(line);
    if (!(PERMISSIONS as readonly string[]).includes(permission!)) throw new Error(`unknown permission ${permission}`);
    seen.push(permission!);
    scopes.forEach((text, index) => {
      table[ROLES[index]!][permission as Permission] = toScope(text);
    });
  }
  if (seen.length !== PERMISSIONS.length)
    throw new Error(`the table lists ${seen.length} of ${PERMISSIONS.length} permissions`);
  return table;
}

function cells(line: string): string[] {
  return line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

function toScope(text: string): Scope {
  if (text === 'all' || text === 'own') return text;
  if (text === '—' || text === '-') return 'none';
  throw new Error(`cell "${text}" is neither all, own nor —`);
}
