import type { LayoutDef } from '../layout.ts';
import { LAYOUTS } from '../registry.ts';

/**
 * The layouts a unit's targets can be printed in: the registry's 项目支出绩效目标表 and 部门整体支出绩效目标表 forms.
 * Self-evaluation and monitoring forms need figures the targets do not hold, so they are not offered.
 */
export const PRINTABLE_LAYOUTS: readonly LayoutDef[] = LAYOUTS.filter(
  (layout) => layout.kind === 'project-targets' || layout.kind === 'overall-targets',
);

/** A printable layout by its registry id ("sichuan-integrated"); undefined for any other id. */
export function layoutById(id: string): LayoutDef | undefined {
  return PRINTABLE_LAYOUTS.find((layout) => layout.id === id);
}
