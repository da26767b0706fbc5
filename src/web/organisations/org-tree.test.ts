import { describe, expect, it } from 'vitest';
import type { OrgNode } from '../../contract/organisations.ts';
import { buildTree, parentChoices } from './org-tree.ts';

const n = (code: string, kind: OrgNode['kind'], parentCode: string | null, active = true): OrgNode => ({
  code,
  name: code,
  kind,
  parentCode,
  active,
  orgType: kind === 'unit' ? null : 'administrative',
  version: 1,
});
const ITEMS = [
  n('B', 'bureau', null),
  n('D', 'department', 'B'),
  n('D2', 'department', 'B', false),
  n('U1', 'unit', 'D'),
  n('U2', 'unit', 'B'),
  n('LOOSE', 'unit', null),
];

describe('organisation tree (web)', () => {
  it('nests by parentCode and keeps units without a parent apart', () => {
    const { roots, unplaced } = buildTree(ITEMS);
    expect(roots.map((r) => r.key)).toEqual(['B']);
    expect(roots[0]!.children.map((c) => c.key)).toEqual(['D', 'D2', 'U2']);
    expect(roots[0]!.children[0]!.children.map((c) => c.key)).toEqual(['U1']);
    expect(unplaced.map((u) => u.code)).toEqual(['LOOSE']);
  });

  it('a bureau user’s list starts at its bureau: a node whose parent is not listed is a root', () => {
    expect(buildTree([n('D', 'department', 'B'), n('U1', 'unit', 'D')]).roots.map((r) => r.key)).toEqual(['D']);
  });

  it('offers only active parents of the right kind, never the node itself', () => {
    expect(parentChoices(ITEMS, 'unit').map((p) => p.code)).toEqual(['B', 'D']);
    expect(parentChoices(ITEMS, 'department').map((p) => p.code)).toEqual(['B']);
    expect(parentChoices(ITEMS, 'bureau')).toEqual([]);
    expect(parentChoices(ITEMS, 'department', 'B')).toEqual([]);
  });
});
