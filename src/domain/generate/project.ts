import { formatCents } from '../money.ts';
import type { Budget, Project, SpendingCheckpoint } from '../targets.ts';
import { drawCount, projectIndicators } from './indicators.ts';
import { DISTRICTS, GENERAL_THEMES, type ProjectTheme, SECTOR_THEMES, type Sector, STRAY_GOALS } from './pools.ts';
import type { Rng } from './prng.ts';
import { budgetForCount } from './unit-costs.ts';

/**
 * How often each defect is planted: per project, per indicator (missingTarget) or per unit (tocCodes).
 * All but offCost are the seed's; offCost is a budget priced far from what its 数量指标 costs elsewhere
 * in the city (unit-costs.ts), which the 适当性 aid appropriateness.unit-cost is there to catch.
 */
export const DEFECT_RATES = {
  pastedGoal: 0.03,
  blankCheckpoint: 0.05,
  effectSynonym: 0.15,
  missingTarget: 0.02,
  tocCodes: 0.05,
  offCost: 0.02,
} as const;

export interface ProjectDefects {
  pastedGoal: boolean;
  blankCheckpoint: boolean;
  effectSynonym: boolean;
  offCost: boolean;
}

export interface GeneratedProject {
  project: Project;
  theme: ProjectTheme;
  defects: ProjectDefects;
}

/** The planted missingTarget defects of a project: a target left without its number, or empty. */
export function missingTargets(project: Project): number {
  return project.indicators.filter(
    (i) => i.target.value === null && i.target.op === null && (i.target.raw === '' || i.target.unit !== null),
  ).length;
}

const FUNCTION_CODES = ['0701', '0403', '2010', '0205', '2080', '2130', '2120', '1301', '0603', '2210'] as const;

/** Like the seed's 711-0701-JBN-PGN6: department, 功能科目, 基本/预算/项目, four random letters. */
function projectCode(rng: Rng, departmentCode: string): string {
  const letters = Array.from({ length: 4 }, () => '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[rng.int(0, 35)]).join('');
  return `${departmentCode}-${rng.pick(FUNCTION_CODES)}-${rng.pick(['JBN', 'YSN', 'XMN'])}-${letters}`;
}

function projectName(rng: Rng, theme: ProjectTheme, fiscalYear: number): string {
  return rng.pick([
    `${theme.name}资金`,
    `${theme.name}专项经费`,
    `${theme.name}项目`,
    `${fiscalYear}年${theme.name}`,
    `${rng.pick(DISTRICTS)}${theme.name}`,
    `提前下达${fiscalYear}年${theme.name}专项资金`,
  ]);
}

/**
 * A budget in 分: mostly round hundreds as budgets are, sometimes to the 元 or the 分 — rounded only
 * where that moves it by at most 0.5 %, so that its cost per unit stays what was drawn.
 */
function budgetCents(rng: Rng, yuan: number): bigint {
  const roll = rng.next();
  if (roll < 0.8 && yuan >= 10_000) return BigInt(Math.round(yuan / 100)) * 10_000n;
  if (roll < 0.95 && yuan >= 100) return BigInt(Math.round(yuan)) * 100n;
  return BigInt(Math.max(1, Math.round(yuan * 100)));
}

/** 预算数 = 财政资金 + 其他资金 exactly; most projects are fiscal only (其他资金 left empty, as in the seed). */
function splitBudget(rng: Rng, total: bigint): { budget: Budget; fiscal: bigint; other: bigint } {
  if (rng.chance(0.75))
    return { budget: { total: formatCents(total), fiscal: formatCents(total), other: null }, fiscal: total, other: 0n };
  const other = (total * BigInt(rng.int(10, 50))) / 100n;
  const fiscal = total - other;
  return {
    budget: { total: formatCents(total), fiscal: formatCents(fiscal), other: formatCents(other) },
    fiscal,
    other,
  };
}

/** Cumulative and non-decreasing, ending at 100: 3/6/9/12 or the seed's 3/6/10/12. */
function spendingPlan(rng: Rng, blankFirst: boolean): SpendingCheckpoint[] {
  const third = rng.chance(0.5) ? 9 : 10;
  const p3 = rng.int(0, 6) * 5;
  const p6 = Math.max(p3, rng.int(8, 14) * 5);
  const p9 = Math.max(p6, rng.int(15, 19) * 5);
  return [
    { month: 3, cumulativePercent: blankFirst ? null : p3 },
    { month: 6, cumulativePercent: p6 },
    { month: third, cumulativePercent: p9 },
    { month: 12, cumulativePercent: 100 },
  ];
}

function goalsFor(rng: Rng, theme: ProjectTheme, sector: Sector, pasted: boolean): string[] {
  if (pasted) {
    const elsewhere = (Object.keys(SECTOR_THEMES) as Sector[])
      .filter((s) => s !== sector)
      .flatMap((s) => SECTOR_THEMES[s].map((t) => t.goal));
    return [rng.chance(0.4) ? rng.pick(STRAY_GOALS) : rng.pick(elsewhere)];
  }
  const second = `规范${theme.name}资金管理，确保资金安全、专款专用`;
  return rng.chance(0.4) ? [theme.goal, second] : [theme.goal];
}

/** One project of a unit; `usedNames`/`usedCodes` keep names and codes unique within the unit. */
export function generateProject(
  rng: Rng,
  context: {
    seed: number;
    sector: Sector;
    departmentCode: string;
    fiscalYear: number;
    usedNames: Set<string>;
    usedCodes: Set<string>;
  },
): GeneratedProject & { fiscalCents: bigint; otherCents: bigint } {
  const themes = [...SECTOR_THEMES[context.sector], ...GENERAL_THEMES];
  let theme = rng.pick(themes);
  let name = projectName(rng, theme, context.fiscalYear);
  for (let attempt = 0; context.usedNames.has(name); attempt += 1) {
    theme = rng.pick(themes);
    name = attempt < 30 ? projectName(rng, theme, context.fiscalYear) : `${theme.name}项目（${attempt}）`;
  }
  context.usedNames.add(name);
  let code = projectCode(rng, context.departmentCode);
  while (context.usedCodes.has(code)) code = projectCode(rng, context.departmentCode);
  context.usedCodes.add(code);

  const defects: ProjectDefects = {
    pastedGoal: rng.chance(DEFECT_RATES.pastedGoal),
    blankCheckpoint: rng.chance(DEFECT_RATES.blankCheckpoint),
    effectSynonym: rng.chance(DEFECT_RATES.effectSynonym),
    offCost: rng.chance(DEFECT_RATES.offCost),
  };
  // The output first, then the money it takes: a project's budget follows its 数量指标 (unit-costs.ts).
  const count = drawCount(rng, theme);
  const total = budgetCents(rng, budgetForCount(rng, context.seed, theme, count, defects.offCost));
  const { budget, fiscal, other } = splitBudget(rng, total);
  const project: Project = {
    code,
    name,
    budget,
    purpose: theme.purpose,
    spendingPlan: spendingPlan(rng, defects.blankCheckpoint),
    goals: goalsFor(rng, theme, context.sector, defects.pastedGoal),
    indicators: projectIndicators(rng, theme, {
      fiscalYear: context.fiscalYear,
      count,
      budgetCents: total,
      effectSynonym: defects.effectSynonym,
      ecological: context.sector === 'environment',
      missingTargetRate: DEFECT_RATES.missingTarget,
    }),
  };
  return { project, theme, defects, fiscalCents: fiscal, otherCents: other };
}
