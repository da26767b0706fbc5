import { z } from 'zod';
import { readMonitoringPolicy } from '../contract/policies.ts';
import { validateInput } from '../contract/validate-input.ts';
import {
  WORKBENCH_LIST_CAP,
  type Workbench,
  type WorkbenchItem,
  type WorkbenchItemKind,
  type WorkbenchPage,
  type WorkbenchSection,
} from '../contract/workbench.ts';
import type { Db } from '../db/database.ts';
import { readFiscalYear } from '../db/fiscal-years.repo.ts';
import { monitoringPolicyFor } from '../db/monitored-year.repo.ts';
import { loadPolicyTree, nearestPolicy } from '../db/policies.repo.ts';
import type { Executor } from '../db/schema.ts';
import { findFiscalYears } from '../db/units.repo.ts';
import {
  departmentEvaluationsAt,
  type Listed,
  type WorkbenchRow,
  evaluationsAt,
  monitoredUnits,
  openActions,
  openNotices,
  setupCounts,
  stageCounts,
  targetsInStates,
  unitYearStatus,
  unitsWithWarnings,
} from '../db/workbench.repo.ts';
import type { Actor } from '../domain/access.ts';
import { checkpointStatuses } from '../domain/monitoring/checkpoints.ts';
import { todayUtc } from '../domain/monitoring/as-of-month.ts';
import { type UnitScope, unitScopeOf } from '../domain/unit-scope.ts';
import { byUrgency, dueness, yearEnded } from '../domain/workbench.ts';

const InputSchema = z.object({
  year: z.number().int().min(1990).max(2100).optional(),
  /** The day deadlines are judged at (tests); default today (UTC). */
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

interface Context {
  db: Executor;
  scope: UnitScope;
  fiscalYear: number;
  today: string;
  limit: number;
  deadlines: Workbench['deadlines'];
}

/**
 * 工作台 (issue 17 item 1, decision 037): what the actor must do now in one fiscal year (default: the newest
 * their units have). A unit: its targets to fill or fix, checkpoints, 自评, 整改 to answer; a department: what
 * waits for its review; the bureau: approvals, adjustments, 自评 to finalise, warnings and overdue units, and
 * the year's progress by stage; the administrator adds the setup state; an auditor watches.
 */
export async function getWorkbench(db: Db, actor: Actor, input: z.input<typeof InputSchema> = {}): Promise<Workbench> {
  const query = validateInput(InputSchema, input, '工作台');
  const scope = unitScopeOf(actor);
  const today = query.today ?? todayUtc();
  const fiscalYear = query.year ?? (await findFiscalYears(db.kysely, scope))[0] ?? null;
  const setup = actor.role === 'admin' ? await setupCounts(db.kysely) : null;
  const none = { targets: null, monitoring: null, evaluation: null };
  if (fiscalYear === null) {
    return { role: actor.role, year: null, today, deadlines: none, sections: [], progress: null, setup };
  }
  const deadlines = (await readFiscalYear(db.kysely, actor.orgCode, fiscalYear)).deadlines;
  const context: Context = { db: db.kysely, scope, fiscalYear, today, limit: WORKBENCH_LIST_CAP, deadlines };
  const sections = await sectionsFor(context, actor);
  const progress = actor.role === 'unit' ? null : await stageCounts(db.kysely, { scope, fiscalYear });
  return { role: actor.role, year: fiscalYear, today, deadlines, sections, progress, setup };
}

async function sectionsFor(context: Context, actor: Actor): Promise<WorkbenchSection[]> {
  switch (actor.role) {
    case 'unit':
      return [await unitTodo(context, actor.orgCode)];
    case 'department':
      return [await departmentReview(context), await watchList(context, false)];
    case 'bureau':
    case 'admin':
      return [await bureauReview(context), await watchList(context, true)];
    case 'auditor':
      return [await watchList(context, true)];
  }
}

/** One list's rows as items of `kind`, each due at `dueOf(row)`. */
function itemsOf(
  context: Context,
  listed: Listed,
  kind: WorkbenchItemKind | ((row: WorkbenchRow) => WorkbenchItemKind),
  page: WorkbenchPage,
  dueOf: (row: WorkbenchRow) => string | null,
): { items: WorkbenchItem[]; total: number } {
  const items = listed.rows.map((row) => {
    const dueDate = dueOf(row);
    return {
      kind: typeof kind === 'function' ? kind(row) : kind,
      unitCode: row.unitCode,
      unitName: row.unitName,
      fiscalYear: row.fiscalYear ?? context.fiscalYear,
      page,
      dueDate,
      ...dueness(dueDate, context.today),
      comment: row.comment,
      commentBy: row.commentBy,
      month: null,
      detail: row.detail,
      since: row.since,
    };
  });
  return { items, total: listed.total };
}

function section(
  key: WorkbenchSection['key'],
  lists: { items: WorkbenchItem[]; total: number }[],
  limit: number,
): WorkbenchSection {
  const items = lists.flatMap((l) => l.items).sort(byUrgency);
  return { key, total: lists.reduce((n, l) => n + l.total, 0), items: items.slice(0, limit) };
}

const TARGET_KINDS: Record<string, WorkbenchItemKind> = {
  returned: 'targets-returned',
  adjusting: 'targets-adjusting',
};

async function unitTodo(context: Context, unitCode: string): Promise<WorkbenchSection> {
  const { db, scope, fiscalYear, limit, deadlines } = context;
  const targets = itemsOf(
    context,
    await targetsInStates(db, { scope, fiscalYear, limit, states: ['draft', 'returned', 'adjusting'] }),
    (row) => TARGET_KINDS[row.state] ?? 'targets-draft',
    'targets',
    () => deadlines.targets,
  );
  const actions = itemsOf(
    context,
    await openActions(db, { scope, fiscalYear, limit }),
    'action-reply',
    'monitoring',
    (row) => row.deadline,
  );
  const notices = itemsOf(
    context,
    await openNotices(db, { scope, limit }),
    'rectification-reply',
    'rectification',
    (row) => row.deadline,
  );
  const status = await unitYearStatus(db, unitCode, fiscalYear);
  const checkpoints = status?.approved ? await unitCheckpoints(context, unitCode) : [];
  const evaluation = status ? await unitEvaluation(context, status) : [];
  return section(
    'todo',
    [
      targets,
      actions,
      notices,
      { items: checkpoints, total: checkpoints.length },
      { items: evaluation, total: evaluation.length },
      // 部门整体自评表 (decision 045): returned with the department's comment first, else due.
      itemsOf(
        context,
        await departmentEvaluationsAt(db, { scope, fiscalYear, limit, status: 'returned' }),
        'department-evaluation-returned',
        'department-evaluation',
        () => context.deadlines.evaluation,
      ),
      itemsOf(
        context,
        await departmentEvaluationsAt(db, { scope, fiscalYear, limit, status: 'due' }),
        'department-evaluation-due',
        'department-evaluation',
        () => context.deadlines.evaluation,
      ),
    ],
    limit,
  );
}

/** The unit's checkpoints to report: open or overdue, or due within the reminder days. */
async function unitCheckpoints(context: Context, unitCode: string): Promise<WorkbenchItem[]> {
  const [unit] = await monitoredUnits(context.db, { scope: context.scope, fiscalYear: context.fiscalYear });
  if (!unit) return [];
  const policy = await monitoringPolicyFor(context.db, unitCode);
  return checkpointItems(context, unit, policy.checkpoints, 'monitoring-due');
}

function checkpointItems(
  context: Context,
  unit: { unitCode: string; unitName: string; submittedMonths: number[] },
  checkpoints: readonly { month: number; dueDate: string }[],
  kind: 'monitoring-due' | 'monitoring-overdue',
): WorkbenchItem[] {
  const submissions = unit.submittedMonths.map((month) => ({ month, submittedAt: '', submittedBy: '' }));
  return checkpointStatuses(context.fiscalYear, checkpoints, submissions, context.today)
    .map((c) => ({ ...c, ...dueness(c.dueDate, context.today) }))
    .filter((c) => (kind === 'monitoring-overdue' ? c.state === 'overdue' : c.state !== 'submitted'))
    .filter((c) => c.state !== 'not-due' || c.dueSoon)
    .map((c) => ({
      kind,
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      fiscalYear: context.fiscalYear,
      page: 'monitoring' as const,
      dueDate: c.dueDate,
      overdue: c.overdue,
      dueSoon: c.dueSoon,
      comment: null,
      commentBy: null,
      month: c.month,
      detail: null,
      since: null,
    }));
}

/** The unit's 自评: returned with the department's comment, or due (deadline set, or the year is over). */
async function unitEvaluation(
  context: Context,
  status: { approved: boolean; evaluation: string | null },
): Promise<WorkbenchItem[]> {
  const { db, scope, fiscalYear, limit, deadlines } = context;
  const returned = await evaluationsAt(db, { scope, fiscalYear, limit, status: 'draft', returnedOnly: true });
  if (returned.total > 0) {
    return itemsOf(context, returned, 'evaluation-returned', 'evaluation', () => deadlines.evaluation).items;
  }
  const started = status.evaluation === 'draft';
  const due =
    status.evaluation === null &&
    status.approved &&
    (deadlines.evaluation !== null || yearEnded(fiscalYear, context.today));
  if (!started && !due) return [];
  const [unit] = await monitoredUnits(db, { scope, fiscalYear });
  if (!unit) return [];
  const listed: Listed = {
    total: 1,
    rows: [{ ...unit, state: 'draft', since: null, comment: null, commentBy: null, deadline: null, detail: null }],
  };
  return itemsOf(context, listed, 'evaluation-due', 'evaluation', () => deadlines.evaluation).items;
}

async function departmentReview(context: Context): Promise<WorkbenchSection> {
  const { db, scope, fiscalYear, limit, deadlines } = context;
  const targets = await targetsInStates(db, { scope, fiscalYear, limit, states: ['submitted'] });
  const evaluations = await evaluationsAt(db, { scope, fiscalYear, limit, status: 'submitted' });
  return section(
    'review',
    [
      itemsOf(context, targets, 'targets-review', 'review', () => deadlines.targets),
      itemsOf(context, evaluations, 'evaluation-review', 'evaluation', () => deadlines.evaluation),
      itemsOf(
        context,
        await departmentEvaluationsAt(db, { scope, fiscalYear, limit, status: 'submitted' }),
        'department-evaluation-review',
        'department-evaluation',
        () => deadlines.evaluation,
      ),
    ],
    limit,
  );
}

async function bureauReview(context: Context): Promise<WorkbenchSection> {
  const { db, scope, fiscalYear, limit, deadlines } = context;
  const approvals = await targetsInStates(db, {
    scope,
    fiscalYear,
    limit,
    states: ['department-reviewed'],
    directToBureau: true,
  });
  const adjustments = await targetsInStates(db, { scope, fiscalYear, limit, states: ['adjustment-requested'] });
  const evaluations = await evaluationsAt(db, { scope, fiscalYear, limit, status: 'reviewed' });
  return section(
    'review',
    [
      itemsOf(context, approvals, 'targets-approve', 'review', () => deadlines.targets),
      itemsOf(context, adjustments, 'adjustment-request', 'review', () => null),
      itemsOf(context, evaluations, 'evaluation-finalise', 'evaluation', () => deadlines.evaluation),
      itemsOf(
        context,
        await departmentEvaluationsAt(db, { scope, fiscalYear, limit, status: 'reviewed' }),
        'department-evaluation-finalise',
        'department-evaluation',
        () => deadlines.evaluation,
      ),
    ],
    limit,
  );
}

/** Overdue checkpoints and 整改, and (for the bureau) the units with warnings. */
async function watchList(context: Context, withWarnings: boolean): Promise<WorkbenchSection> {
  const { db, scope, fiscalYear, limit, today } = context;
  const actions = await openActions(db, { scope, fiscalYear, limit, overdueBefore: today });
  const lists = [
    await overdueCheckpoints(context),
    itemsOf(context, actions, 'action-overdue', 'monitoring', (row) => row.deadline),
    itemsOf(
      context,
      await openNotices(db, { scope, limit, overdueBefore: today }),
      'rectification-overdue',
      'rectification',
      (row) => row.deadline,
    ),
  ];
  if (withWarnings) {
    const warned = await unitsWithWarnings(db, { scope, fiscalYear, limit });
    lists.push(itemsOf(context, warned, 'warnings', 'monitoring', () => null));
  }
  return section('watch', lists, limit);
}

/** Units past a checkpoint's due date without its submission, each by its own policy's checkpoints. */
async function overdueCheckpoints(context: Context): Promise<{ items: WorkbenchItem[]; total: number }> {
  const units = await monitoredUnits(context.db, { scope: context.scope, fiscalYear: context.fiscalYear });
  if (units.length === 0) return { items: [], total: 0 };
  const tree = await loadPolicyTree(context.db);
  const items = units.flatMap((unit) => {
    try {
      const policy = readMonitoringPolicy(nearestPolicy(tree, unit.parentId, 'monitoring'));
      return checkpointItems(context, unit, policy.checkpoints, 'monitoring-overdue');
    } catch {
      return []; // a malformed policy: the monitoring pages say so; the workbench lists what it can
    }
  });
  return { items: items.slice(0, context.limit), total: items.length };
}
