import { foldName } from '../unit-match.ts';

/** A project's result in the year before: its 自评 score and grade, and the 整改通知 still open about it. */
export interface LastYearProject {
  code: string;
  name: string;
  /** The score in force (the bureau's after 复核); null when the 自评 scored nothing. */
  score: number | null;
  grade: '优' | '良' | '中' | '差' | null;
  openNotices: number;
}

export interface LastYearMatch extends LastYearProject {
  /** This year's project the result belongs to. */
  projectCode: string;
  /** How it was found: the same 项目编码, or (codes differ) the one project of the same folded name. */
  matchedBy: 'code' | 'name';
}

/**
 * Last year's result beside each of this year's projects: the same code first; else, like `matchStatedProject`
 * (unit-match.ts), the one last-year project whose folded name (NFKC, no spaces) is the same and that no other
 * project took by code. Never guessed: two last-year projects of one name match neither.
 */
export function matchLastYear(
  current: readonly { code: string; name: string }[],
  previous: readonly LastYearProject[],
): LastYearMatch[] {
  const byCode = new Map(previous.map((p) => [p.code, p]));
  const currentCodes = new Set(current.map((p) => p.code));
  const free = previous.filter((p) => !currentCodes.has(p.code));
  const matches: LastYearMatch[] = [];
  for (const project of current) {
    const same = byCode.get(project.code);
    if (same) {
      matches.push({ ...same, projectCode: project.code, matchedBy: 'code' });
      continue;
    }
    const name = foldName(project.name);
    const named = free.filter((p) => foldName(p.name) === name);
    if (named.length === 1) matches.push({ ...named[0]!, projectCode: project.code, matchedBy: 'name' });
  }
  return matches;
}
