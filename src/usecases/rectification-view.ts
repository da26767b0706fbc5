import type { Notice } from '../contract/results.ts';
import type { NoticeRecord } from '../db/results.repo.ts';
import { isOverdue } from '../domain/results/notice.ts';

/** A stored notice as the API shows it: overdue is judged today, never stored. */
export function presentNotice(record: NoticeRecord, today: string): Notice {
  return { ...record, overdue: isOverdue(record, today) };
}
