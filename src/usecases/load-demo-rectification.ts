import type { Db } from '../db/database.ts';
import type { Actor } from '../domain/access.ts';
import { todayUtc } from '../domain/monitoring/as-of-month.ts';
import { issueRectification } from './issue-rectification.ts';

/** The demo bureau user (create-demo-users.ts) as the issuer: its notice goes back to it when the unit replies. */
const DEMO_BUREAU: Actor = {
  userId: 0,
  username: 'czj',
  displayName: '山海关区财政局',
  role: 'bureau',
  orgCode: 'SHG-CZJ',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * 结果应用 in the demo (decision 048): after the finalised 2020 自评, the bureau's 整改通知 about the 劳模体检
 * project's indicator that stayed at 80 % (target ≥ 90 %), due a month from today, waiting on the unit.
 */
export async function loadDemoRectification(db: Db, key: { unitCode: string; fiscalYear: number }): Promise<void> {
  const today = todayUtc();
  const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * DAY_MS).toISOString().slice(0, 10);
  await issueRectification(db, DEMO_BUREAU, {
    ...key,
    projectCode: '711-0403-JBN-MQNI',
    body: '免费健康体检率实际完成 80%，未达到年度目标（≥90%），预算执行率同步偏低。',
    requirement: '组织未参检劳模补检，报送补检名单和体检机构结算单，并说明下一年度错峰体检安排。',
    deadline,
    today,
  });
}
