/**
 * Approval chains (issue 18 item 5, decision 049): who reviews a unit-year's targets and 自评 is computed
 * from the organisations above it and the bureau's policy, not fixed by role. By default 预算单位 →
 * 主管部门 → 财政局; a unit under a 工会 goes to that superior union (上一级工会), and on to the bureau only
 * when the bureau's policy asks for its 批复; a department's own unit-year (部门本级) is reviewed by the
 * department's own reviewers, then the bureau. Pure: the caller reads the ancestors and the policy.
 */

/** What kind of organisation a node is; the bureau's policy may treat each type differently. */
export const ORG_TYPES = ['administrative', 'union'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** Who acts at a stage, for its words: a supervising department, a superior union, the department itself, the bureau. */
export type StageKind = 'department' | 'union' | 'self' | 'bureau';
/** The role whose users (at that organisation) take the stage. */
export type StageRole = 'department' | 'bureau';
/** What a stage may do: review passes it on, approve/finalise ends the chain; every stage may return. */
export type StageStep = 'review' | 'return' | 'approve' | 'finalise';

export interface ChainStage {
  kind: StageKind;
  role: StageRole;
  organisation: { code: string; name: string };
  steps: StageStep[];
}

/** Ordered stages; the last approves (targets) and finalises (自评), the ones before it review. */
export interface ApprovalChain {
  stages: ChainStage[];
}

/** An organisation above the unit-year's holder, nearest first. */
export interface ChainAncestor {
  code: string;
  name: string;
  kind: 'bureau' | 'department';
  orgType: OrgType;
}

/** The bureau's chain settings (part of its review policy): which types' decisions need the bureau's 批复 after them. */
export interface ChainPolicy {
  /** 工会: after the superior union, the finance bureau also approves (需财政复核/批复). */
  unionBureauApproval: boolean;
}

export const DEFAULT_CHAIN_POLICY: ChainPolicy = Object.freeze({ unionBureauApproval: true });

/** The holder of the unit-year: an ordinary unit, or the department itself (部门本级). */
type ChainHolder = { kind: 'unit' } | { kind: 'department'; code: string; name: string; orgType: OrgType };

const REVIEWER_STEPS = (): StageStep[] => ['review', 'return'];
const FINAL_STEPS = (): StageStep[] => ['return', 'approve', 'finalise'];

/**
 * The chain for a unit-year whose holder sits under `ancestors` (nearest first). The nearest department
 * (or the holder itself, when it is a department) reviews; the bureau approves, unless the reviewer is a
 * union and the policy lets the union decide. No bureau and no department: no chain (nobody may approve).
 */
export function computeChain(
  holder: ChainHolder,
  ancestors: readonly ChainAncestor[],
  policy: ChainPolicy = DEFAULT_CHAIN_POLICY,
): ApprovalChain {
  const reviewer = holder.kind === 'department' ? holder : ancestors.find((a) => a.kind === 'department');
  const bureau = ancestors.find((a) => a.kind === 'bureau');
  const stages: ChainStage[] = [];
  if (reviewer) {
    const kind: StageKind =
      holder.kind === 'department' ? 'self' : reviewer.orgType === 'union' ? 'union' : 'department';
    stages.push({
      kind,
      role: 'department',
      organisation: { code: reviewer.code, name: reviewer.name },
      steps: REVIEWER_STEPS(),
    });
  }
  const reviewerDecides = reviewer?.orgType === 'union' && !policy.unionBureauApproval;
  if (bureau && !reviewerDecides) {
    stages.push({
      kind: 'bureau',
      role: 'bureau',
      organisation: { code: bureau.code, name: bureau.name },
      steps: FINAL_STEPS(),
    });
  } else if (stages.length > 0) {
    stages[0] = { ...stages[0]!, steps: FINAL_STEPS() };
  }
  return { stages };
}

/** The chain's shape as the state machine reads it (decision 040's context, extended). */
export interface ChainShape {
  /** A reviewer stage comes before the final one (submitted → department-reviewed → approved). */
  hasDepartment: boolean;
  /** The role that approves, finalises and agrees to adjustments; null when the chain is empty. */
  finalRole: StageRole | null;
}

export function chainShape(chain: ApprovalChain): ChainShape {
  const last = chain.stages[chain.stages.length - 1];
  return { hasDepartment: chain.stages.length > 1, finalRole: last?.role ?? null };
}
