import type { OrgNode, OrgNodeKind } from '../../contract/organisations.ts';

/** One node of antd's Tree: the organisation, its children in the list's order. */
export interface TreeItem {
  key: string;
  node: OrgNode;
  children: TreeItem[];
}

/**
 * The flat list (parentCode links) as a forest: nodes whose parent is not in the list are roots
 * (a bureau user's own bureau); units with no parent at all are returned apart, as `unplaced`.
 */
export function buildTree(items: readonly OrgNode[]): { roots: TreeItem[]; unplaced: OrgNode[] } {
  const byCode = new Map(items.map((node) => [node.code, { key: node.code, node, children: [] as TreeItem[] }]));
  const roots: TreeItem[] = [];
  const unplaced: OrgNode[] = [];
  for (const item of byCode.values()) {
    const parent = item.node.parentCode === null ? undefined : byCode.get(item.node.parentCode);
    if (parent) parent.children.push(item);
    else if (item.node.kind === 'unit' && item.node.parentCode === null) unplaced.push(item.node);
    else roots.push(item);
  }
  return { roots, unplaced };
}

const PARENT_KINDS: Record<OrgNodeKind, readonly OrgNodeKind[]> = {
  bureau: [],
  department: ['bureau'],
  unit: ['department', 'bureau'],
};

/** The active nodes a node of `kind` may be placed under (never itself): what the parent picker offers. */
export function parentChoices(items: readonly OrgNode[], kind: OrgNodeKind, self?: string): OrgNode[] {
  return items.filter((node) => node.active && node.code !== self && PARENT_KINDS[kind].includes(node.kind));
}
