import type { FindingDto } from '../../contract/review.ts';

/**
 * A finding's path as the key a table cell carries in `data-review-path` and in `highlights`:
 * ['indicators', 1, 'target'] → "indicators.1.target". Department paths keep their 'overall' head.
 */
export function cellKey(path: readonly (string | number)[]): string {
  return path.join('.');
}

/** The DOM id of a cell: project code (or "overall") and key, so two projects never collide. */
export function cellSelector(finding: Pick<FindingDto, 'project' | 'path'>, depth = finding.path.length): string {
  const scope = finding.project ?? 'overall';
  return `[data-review-scope="${CSS.escape(scope)}"] [data-review-path="${CSS.escape(cellKey(finding.path.slice(0, depth)))}"]`;
}

/** Highlight keys per project code (null: the department), from the findings that point at cells. */
export function highlightsByProject(
  findings: readonly Pick<FindingDto, 'project' | 'path'>[],
): Map<string | null, Set<string>> {
  const result = new Map<string | null, Set<string>>();
  for (const finding of findings) {
    const keys = result.get(finding.project) ?? new Set<string>();
    keys.add(cellKey(finding.path));
    result.set(finding.project, keys);
  }
  return result;
}

/** Findings grouped by project in first-seen order (the report lists the department last). */
export function groupFindings<F extends Pick<FindingDto, 'project'>>(
  findings: readonly F[],
): { project: string | null; findings: F[] }[] {
  const groups: { project: string | null; findings: F[] }[] = [];
  for (const finding of findings) {
    const group = groups.find((g) => g.project === finding.project);
    if (group) group.findings.push(finding);
    else groups.push({ project: finding.project, findings: [finding] });
  }
  return groups;
}

/** 'indicators.1.level1' is highlighted on the merged cell that spans rows `from`..`to`. */
export function spanHighlighted(
  highlights: ReadonlySet<string> | undefined,
  field: string,
  from: number,
  span: number,
): boolean {
  if (!highlights) return false;
  for (let i = from; i < from + span; i += 1) if (highlights.has(`indicators.${i}.${field}`)) return true;
  return false;
}

/**
 * Props for a table cell the review can point at: its key for scrolling, and the highlight class
 * when flagged. Tables without `highlights` render exactly as before apart from the data attribute.
 */
export function reviewCell(
  highlights: ReadonlySet<string> | undefined,
  key: string,
  className?: string,
  flagged = highlights?.has(key) ?? false,
) {
  const classes = [className, flagged ? 'review-highlight' : undefined].filter(Boolean).join(' ');
  return { 'data-review-path': key, className: classes === '' ? undefined : classes };
}
