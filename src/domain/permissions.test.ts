import { describe, expect, it } from 'vitest';
import { readPermissionDoc } from '../../test/permission-table.ts';
import type { Actor, Role } from './access.ts';
import { PERMISSION_TABLE, can } from './permissions.ts';

const actor = (role: Role, orgCode: string): Actor => ({ userId: 1, username: role, displayName: role, role, orgCode });
const seedUnit = { unitCode: '711002', unitAncestors: ['711', 'SHG-CZJ'] };
const sibling = { unitCode: '712001', unitAncestors: ['712', 'SHG-CZJ'] };
const elsewhere = { unitCode: '800001', unitAncestors: ['800', 'QHD-CZJ'] };

describe('permission table', () => {
  it('is the table committed in docs/permissions.md', () => {
    expect(PERMISSION_TABLE).toEqual(readPermissionDoc());
  });
});

describe('can', () => {
  it('lets a bureau review every unit under it, at any depth, and nothing elsewhere', () => {
    const bureau = actor('bureau', 'SHG-CZJ');
    expect([seedUnit, sibling, elsewhere].map((t) => can(bureau, 'targets:review', t))).toEqual([true, true, false]);
    expect(can(bureau, 'targets:edit', seedUnit)).toBe(false);
  });

  it('keeps a department to its own units', () => {
    const department = actor('department', '711');
    expect([seedUnit, sibling, elsewhere].map((t) => can(department, 'targets:read', t))).toEqual([true, false, false]);
  });

  it('keeps a unit to itself, even when its code equals a department code elsewhere', () => {
    expect(can(actor('unit', '711002'), 'targets:edit', seedUnit)).toBe(true);
    expect(can(actor('unit', '711'), 'targets:read', seedUnit)).toBe(false);
    expect(can(actor('unit', '711002'), 'targets:review', seedUnit)).toBe(false);
  });

  it('lets an auditor read but never write', () => {
    const auditor = actor('auditor', 'SHG-CZJ');
    expect(can(auditor, 'audit:read', sibling)).toBe(true);
    expect(can(auditor, 'targets:edit', sibling)).toBe(false);
    expect(can(auditor, 'audit:read', elsewhere)).toBe(false);
  });

  it('lets an admin do everything, and an organisation-less non-admin nothing scoped', () => {
    expect(can(actor('admin', ''), 'users:manage', null)).toBe(true);
    expect(can(actor('admin', ''), 'targets:edit', elsewhere)).toBe(true);
    expect(can(actor('bureau', ''), 'targets:read', seedUnit)).toBe(false);
    expect(can(actor('bureau', 'SHG-CZJ'), 'users:manage', null)).toBe(false);
  });
});
