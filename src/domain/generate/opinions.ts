import type { OpinionCriterion, OpinionGrade, OpinionLevel } from '../review/opinion.ts';
import type { WorkflowState } from '../workflow/states.ts';
import type { GeneratedUnit } from './index.ts';
import { missingTargets } from './project.ts';

/**
 * The 绩效目标审核意见表 a generated unit-year's workflow state implies (财预〔2015〕88号, decision 033):
 * the generator sets states directly, so a document it calls department-reviewed carries the
 * department's forms, and an approved one (or one being adjusted after approval) the bureau's as
 * well — every project and the overall targets, in the first round, each 优 or 良 with the
 * consultation note 良 needs. The grades follow what was planted: a criterion whose defect the
 * project carries is 良 (the reviewer saw it and settled it with the unit), the rest 优. Pure and
 * deterministic: no random draws, so the city's other data does not move.
 */
export interface GeneratedOpinion {
  level: OpinionLevel;
  /** Null: the department's overall targets. */
  projectCode: string | null;
  grades: Record<OpinionCriterion | 'overall', OpinionGrade>;
  opinion: string;
  consultationNote: string | null;
}

/** The levels whose forms each state implies (every generated unit sits under a department). */
const LEVELS: Record<WorkflowState, readonly OpinionLevel[]> = {
  draft: [],
  submitted: [],
  returned: [],
  'department-reviewed': ['department'],
  approved: ['department', 'bureau'],
  'adjustment-requested': ['department', 'bureau'],
  adjusting: ['department', 'bureau'],
};

/** A planted defect as the reviewer words it: the criterion, the finding, what was agreed. */
interface Issue {
  criterion: OpinionCriterion;
  finding: string;
  agreed: string;
}

const ISSUES = {
  pastedGoal: {
    criterion: 'relevance',
    finding: '项目目标与项目内容关联不够紧密',
    agreed: '按项目实际内容重新表述年度目标',
  },
  blankCheckpoint: { criterion: 'completeness', finding: '资金支出计划缺少季度节点', agreed: '补齐各季度支出进度计划' },
  effectSynonym: { criterion: 'completeness', finding: '一级指标名称不规范', agreed: '一级指标统一为“效益指标”' },
  missingTarget: { criterion: 'completeness', finding: '个别指标缺少目标值', agreed: '补充指标目标值及计算口径' },
  offCost: {
    criterion: 'appropriateness',
    finding: '资金规模与产出数量不够匹配',
    agreed: '重新核实资金测算依据和产出数量',
  },
  tocCodes: { criterion: 'completeness', finding: '工作保障措施含有格式代码', agreed: '清理文本格式后重新报送' },
} as const satisfies Record<string, Issue>;

const NEXT_STEP: Record<OpinionLevel, string> = {
  department: '同意报送财政部门审核',
  bureau: '同意进入预算编制',
};

function form(
  level: OpinionLevel,
  projectCode: string | null,
  name: string,
  issues: readonly Issue[],
): GeneratedOpinion {
  const grade = (criterion: OpinionCriterion): OpinionGrade =>
    issues.some((issue) => issue.criterion === criterion) ? '良' : '优';
  const grades = {
    completeness: grade('completeness'),
    relevance: grade('relevance'),
    appropriateness: grade('appropriateness'),
    feasibility: grade('feasibility'),
    overall: issues.length > 0 ? ('良' as const) : ('优' as const),
  };
  if (issues.length === 0)
    return {
      level,
      projectCode,
      grades,
      opinion: `${name}绩效目标完整、明确，与资金规模匹配，指标可衡量，${NEXT_STEP[level]}。`,
      consultationNote: null,
    };
  return {
    level,
    projectCode,
    grades,
    opinion: `${name}绩效目标基本合理，但${issues.map((i) => i.finding).join('；')}。`,
    consultationNote: `已与单位协商：${issues.map((i) => i.agreed).join('；')}，单位已确认，${NEXT_STEP[level]}。`,
  };
}

/** The forms for one generated unit-year, in the order a reviewer fills them: by level, projects then overall. */
export function impliedOpinions(unit: GeneratedUnit): GeneratedOpinion[] {
  return LEVELS[unit.workflowState].flatMap((level) => [
    ...unit.document.projects.map((project, i) => {
      const planted = unit.projectDefects[i]!;
      const issues: Issue[] = [];
      if (planted.pastedGoal) issues.push(ISSUES.pastedGoal);
      if (planted.blankCheckpoint) issues.push(ISSUES.blankCheckpoint);
      if (planted.effectSynonym) issues.push(ISSUES.effectSynonym);
      if (missingTargets(project) > 0) issues.push(ISSUES.missingTarget);
      if (planted.offCost) issues.push(ISSUES.offCost);
      return form(level, project.code, project.name, issues);
    }),
    form(level, null, '部门整体', unit.defects.tocCodes > 0 ? [ISSUES.tocCodes] : []),
  ]);
}
