import type { FindingDto } from '../../contract/review.ts';
import { cellSelector } from './cell-key.ts';

let active: Element | null = null;

/**
 * Scrolls to the cell a finding points at and rings it. A path deeper than any cell
 * (['indicators', 2, 'level1'] inside a merged cell) falls back to its nearest ancestor that exists.
 */
export function locateFinding(
  finding: Pick<FindingDto, 'project' | 'path'>,
  root: ParentNode = document,
): Element | null {
  let element: Element | null = null;
  for (let depth = finding.path.length; depth > 0 && element === null; depth -= 1) {
    element = root.querySelector(cellSelector(finding, depth));
  }
  element ??= root.querySelector(`[data-review-scope="${CSS.escape(finding.project ?? 'overall')}"]`);
  if (element === null) return null;
  active?.classList.remove('review-active');
  element.classList.add('review-active');
  active = element;
  element.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return element;
}
