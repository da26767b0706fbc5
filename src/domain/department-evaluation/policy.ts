/**
 * The bureau's 部门整体支出绩效 management items (decision 045): what 预算编制, 预算执行, 资产管理, 制度建设
 * are worth and how the evaluator scores them. Stored as policy kind 'department-evaluation' per bureau or
 * department (nearest up the tree); these are the defaults. The points of the items come off the 100: the
 * rest is the budget execution and the overall indicators, scored by 财预〔2020〕10号's project formulas.
 */
export interface ManagementItemRule {
  key: string;
  name: string;
  /** The item's full points. */
  points: number;
  /** How the evaluator scores it, shown beside the input and printed under the item. */
  guidance: string;
}

export interface DepartmentEvaluationPolicy {
  managementItems: ManagementItemRule[];
}

export const DEFAULT_DEPARTMENT_EVALUATION_POLICY: Readonly<DepartmentEvaluationPolicy> = Object.freeze({
  managementItems: [
    {
      key: 'budget-preparation',
      name: '预算编制',
      points: 5,
      guidance: '预算编制科学、完整，绩效目标与预算同步编报得满分；目标不明确或测算依据不足酌情扣分',
    },
    {
      key: 'budget-execution',
      name: '预算执行',
      points: 5,
      guidance: '按计划进度支出，调整有审批、结转结余控制在合理范围得满分；无故调整或大额结余酌情扣分',
    },
    {
      key: 'asset-management',
      name: '资产管理',
      points: 5,
      guidance: '资产账实相符、配置合理、处置合规得满分；账实不符或闲置浪费酌情扣分',
    },
    {
      key: 'rules',
      name: '制度建设',
      points: 5,
      guidance: '财务、采购、内控、绩效管理制度健全并有效执行得满分；制度缺失或未执行酌情扣分',
    },
  ],
});

/** The management items' points together: what the budget execution and indicators share is 100 minus this. */
export function managementTotal(policy: DepartmentEvaluationPolicy): number {
  return policy.managementItems.reduce((total, item) => total + Math.round(item.points * 100), 0) / 100;
}
