/**
 * The workbench's rules of time (decision 037): an item is overdue past its due date and due soon within
 * REMINDER_DAYS of it. Computed on every read, so a reminder needs no scheduled job.
 */
const REMINDER_DAYS = 7;

/** Dates are 'YYYY-MM-DD' (UTC days): compared as text, shifted through Date.UTC. */
function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function dueness(dueDate: string | null, today: string): { overdue: boolean; dueSoon: boolean } {
  if (dueDate === null) return { overdue: false, dueSoon: false };
  const overdue = dueDate < today;
  return { overdue, dueSoon: !overdue && dueDate <= addDays(today, REMINDER_DAYS) };
}

/** Whether a step of `fiscalYear` with no deadline of its own is due by now: the year is over. */
export function yearEnded(fiscalYear: number, today: string): boolean {
  return today > `${fiscalYear}-12-31`;
}

/** Most urgent first: overdue, then due soon, then by due date (none last), then oldest. */
export function byUrgency<
  T extends { overdue: boolean; dueSoon: boolean; dueDate: string | null; since: string | null },
>(a: T, b: T): number {
  const rank = (x: T) => (x.overdue ? 0 : x.dueSoon ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
    (a.since ?? '').localeCompare(b.since ?? '')
  );
}
