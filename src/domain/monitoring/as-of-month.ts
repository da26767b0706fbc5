/** Today's date (UTC), 'YYYY-MM-DD'. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The month-end data is judged at: the whole year once it is over, the last completed month while it runs. */
export function defaultAsOfMonth(fiscalYear: number, today: string): number {
  const [year, month] = today.split('-').map(Number) as [number, number];
  if (fiscalYear < year) return 12;
  if (fiscalYear > year) return 0;
  return month - 1;
}
