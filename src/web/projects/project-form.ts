import { formatCents, parseAmountToCents } from '../../domain/money.ts';
import { normaliseProject } from '../../domain/normalise.ts';
import type { Project, ProjectDetails } from '../../domain/targets.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { groupRun } from './table-layout.ts';

/**
 * The editor's form values and their conversion to and from a Project. Amounts stay text from
 * input to request body; only the canonical "0.00" form is produced here, through BigInt 分.
 */
export interface IndicatorFormValues {
  level1: string;
  level2: string;
  name: string;
  description: string;
  /** 指标值 as typed; op/value/unit are read from it by the domain grammar (and again by the server). */
  target: string;
  basis: string;
}

export interface CheckpointFormValues {
  month: number | null;
  cumulativePercent: number | null;
}

export interface ProjectFormValues {
  code: string;
  name: string;
  budget: { total: string; fiscal: string; other: string };
  purpose: string;
  spendingPlan: CheckpointFormValues[];
  goals: string[];
  indicators: IndicatorFormValues[];
  /** 主管部门 / 实施单位 / 实施期限 as typed ('' = not stated). */
  details: { department: string; implementer: string; period: string };
  /** The rest of the project's details (长期目标, extra cells, …): not edited here, saved back as read. */
  keptDetails: Omit<ProjectDetails, 'department' | 'implementer' | 'period'>;
}

const DEFAULT_CHECKPOINT_MONTHS = [3, 6, 10, 12] as const;

export function emptyIndicator(level1 = '', level2 = ''): IndicatorFormValues {
  return { level1, level2, name: '', description: '', target: '', basis: '' };
}

export function emptyProjectForm(): ProjectFormValues {
  return {
    code: '',
    name: '',
    budget: { total: '', fiscal: '', other: '' },
    purpose: '',
    spendingPlan: DEFAULT_CHECKPOINT_MONTHS.map((month) => ({ month, cumulativePercent: null })),
    goals: [''],
    indicators: [
      emptyIndicator('产出指标', '数量指标'),
      emptyIndicator('效益指标', '社会效益指标'),
      emptyIndicator('满意度指标', '服务对象满意度指标'),
    ],
    details: { department: '', implementer: '', period: '' },
    keptDetails: {},
  };
}

export function projectToForm(project: Project): ProjectFormValues {
  return {
    code: project.code,
    name: project.name,
    budget: {
      total: project.budget.total ?? '',
      fiscal: project.budget.fiscal ?? '',
      other: project.budget.other ?? '',
    },
    purpose: project.purpose,
    spendingPlan: project.spendingPlan.map((c) => ({ month: c.month, cumulativePercent: c.cumulativePercent })),
    goals: project.goals.length > 0 ? [...project.goals] : [''],
    indicators: project.indicators.map((i) => ({
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      description: i.description,
      target: i.target.raw,
      basis: i.basis,
    })),
    details: {
      department: project.details?.department ?? '',
      implementer: project.details?.implementer ?? '',
      period: project.details?.period ?? '',
    },
    keptDetails: keptDetails(project.details),
  };
}

function keptDetails(details: ProjectDetails | undefined): ProjectFormValues['keptDetails'] {
  if (!details) return {};
  const { department: _d, implementer: _i, period: _p, ...rest } = details;
  return rest;
}

/** The stated details and the kept ones; undefined when there are none (the seed's layout). */
function formDetails(values: ProjectFormValues): ProjectDetails | undefined {
  const stated = Object.entries(values.details ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== '');
  const details: ProjectDetails = {
    ...(values.keptDetails ?? {}),
    ...Object.fromEntries(stated.map(([k, v]) => [k, v.trim()])),
  };
  return Object.keys(details).length === 0 ? undefined : details;
}

/** The form as a Project, normalised as the server will (trimmed, empty goals dropped, targets parsed, categories derived). */
export function formToProject(values: ProjectFormValues): Project {
  const text = (value: string | undefined | null) => value ?? '';
  const details = formDetails(values);
  return normaliseProject({
    code: text(values.code),
    name: text(values.name),
    budget: {
      total: canonicalAmount(values.budget.total),
      fiscal: canonicalAmount(values.budget.fiscal),
      other: canonicalAmount(values.budget.other),
    },
    purpose: text(values.purpose),
    spendingPlan: values.spendingPlan
      .filter((c): c is CheckpointFormValues & { month: number } => typeof c.month === 'number')
      .map((c) => ({ month: c.month, cumulativePercent: c.cumulativePercent ?? null })),
    goals: values.goals.map(text),
    indicators: values.indicators.map((i) => ({
      level1: text(i.level1),
      level2: text(i.level2),
      name: text(i.name),
      description: text(i.description),
      target: { raw: text(i.target), op: null, value: null, unit: null },
      basis: text(i.basis),
      category: null,
    })),
    ...(details === undefined ? {} : { details }),
  });
}

/** "" → null; "20000" / "20,000.5" → "20000.00". Call after validateAmount passed. */
export function canonicalAmount(text: string | undefined | null): string | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return null;
  const cents = parseAmountToCents(trimmed);
  if (cents === null) throw new Error(`金额格式不正确：“${text}”`);
  return formatCents(cents);
}

/** null when the text is an acceptable amount in 元 (empty is acceptable: required-ness is a separate rule). */
export function validateAmount(text: string | undefined | null): MessageKey | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return null;
  const cents = parseAmountToCents(trimmed);
  if (cents === null) return 'editor.amountInvalid';
  return cents < 0n ? 'editor.amountNegative' : null;
}

/** 预算数 = 财政资金 + 其他资金, checked exactly; null when it holds or cannot be checked yet. */
export function budgetIdentityProblem(budget: ProjectFormValues['budget']): { total: string; sum: string } | null {
  if (!budget || [budget.total, budget.fiscal, budget.other].some((a) => validateAmount(a) !== null)) return null;
  const total = parseAmountToCents(budget.total ?? '');
  const parts = [budget.fiscal, budget.other].map((a) => parseAmountToCents(a ?? ''));
  if (total === null || parts.every((p) => p === null)) return null;
  const sum = parts.reduce<bigint>((acc, p) => acc + (p ?? 0n), 0n);
  return sum === total ? null : { total: formatCents(total), sum: formatCents(sum) };
}

/**
 * Where a server issue belongs in the form: its path in the Project, adjusted to the form's
 * shape (an indicator's target is edited as its raw text). null when no field matches.
 */
export function issueFieldName(path: readonly (string | number)[]): (string | number)[] | null {
  const [head, index, field] = path;
  if (head === 'indicators' && typeof index === 'number' && typeof field === 'string')
    return ['indicators', index, field];
  if (head === 'spendingPlan' && typeof index === 'number' && typeof field === 'string')
    return ['spendingPlan', index, field];
  if (head === 'goals' && typeof index === 'number') return ['goals', index];
  if (head === 'budget' && typeof index === 'string') return ['budget', index];
  if (head === 'details' && typeof index === 'string' && ['department', 'implementer', 'period'].includes(index))
    return ['details', index];
  if (typeof head === 'string' && ['code', 'name', 'purpose'].includes(head) && path.length === 1) return [head];
  return null;
}

/**
 * The cell a server issue is shown at: its field, except that a 一级/二级 of a row inside a merged run is
 * shown at the run's one input (its first row's). null when no cell holds the field.
 */
export function issueCell(
  path: readonly (string | number)[],
  indicators: readonly Pick<IndicatorFormValues, 'level1' | 'level2'>[],
): (string | number)[] | null {
  const name = issueFieldName(normaliseIssuePath(path));
  if (!name || name[0] !== 'indicators') return name;
  const [, index, field] = name;
  if ((field !== 'level1' && field !== 'level2') || typeof index !== 'number') return name;
  const rows = indicators.map((i) => ({ level1: (i?.level1 ?? '').trim(), level2: (i?.level2 ?? '').trim() }));
  const run = groupRun(rows, field, index);
  return ['indicators', run[0] ?? index, field];
}

/** Server paths arrive as strings ("indicators", "0", "target"): numeric segments become indexes. */
export function normaliseIssuePath(path: readonly (string | number)[]): (string | number)[] {
  return path.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));
}
