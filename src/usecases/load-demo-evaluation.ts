import type { SaveEvaluationBody } from '../contract/evaluation.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import type { Db } from '../db/database.ts';
import { finaliseEvaluation } from './finalise-evaluation.ts';
import { reviewEvaluation } from './review-evaluation.ts';
import { saveEvaluation } from './save-evaluation.ts';

/**
 * The seed's year-end 自评 for 2020: the same actuals and analyses as
 * test/fixtures/shanhaiguan-2020.actuals.json (a test keeps the two equal). The money is not here:
 * 执行数 is the December cumulative of the demo monitoring year (load-demo-monitoring.ts), 调整后预算数
 * its budget adjustment (提前下达… raised to 32,800.00). 市级以上劳模体检费 is 2020's weak spot (体检
 * paused by the epidemic: 80 % spent, 80 % examined), so it carries the deviation analyses: 89.11, 良.
 */
export const DEMO_EVALUATION: SaveEvaluationBody = {
  projects: [
    {
      code: '711-0701-JBN-PGN6',
      indicators: [
        { name: '补助金发放率', actual: '98%' },
        { name: '补助人群生活改善情况', actual: '92%' },
        { name: '群众满意度', actual: '186/200' },
      ],
    },
    {
      code: '711-0403-JBN-3EQS',
      indicators: [
        {
          name: '补助个人数量',
          actual: '达到',
          // The target states no number (“… 个”): 10号 leaves the band to the evaluator (decision 035).
          band: 'achieved',
          bandPercent: 100,
          scoreReason: '全年按名单足额发放，补助人数与计划一致',
        },
        { name: '补助人群生活改善情况', actual: '95%' },
        {
          name: '群众满意度',
          actual: '88%',
          deviationReason: '部分劳模反映津贴标准多年未调整',
          improvementMeasures: '向市总工会反映标准调整诉求，年内增加走访次数。',
        },
      ],
    },
    {
      code: '711-0403-JBN-MQNI',
      executionReason: '受新冠肺炎疫情影响，定点医院暂停团体体检近四个月，约两成劳模未能在年内参检，体检费用相应结余。',
      indicators: [
        {
          name: '免费健康体检率',
          actual: '80%',
          deviationReason: '疫情期间体检暂停，下半年分批组织后年底前完成八成劳模体检',
          improvementMeasures: '2021年上半年组织补检，与定点医院签订错峰体检协议。',
        },
        {
          name: '健康体检表完成率',
          actual: '80%',
          deviationReason: '体检表随体检完成情况同步下降',
          improvementMeasures: '补检同时完成建档，体检表电子化归档。',
        },
        { name: '保健对象健康体检满意率', actual: '92%' },
      ],
    },
    {
      code: '711-0701-YSN-2UE1',
      indicators: [
        { name: '补助金发放率', actual: '100%' },
        { name: '补助人群生活改善情况', actual: '90%' },
        { name: '群众满意度', actual: '95%' },
      ],
    },
  ],
};

/**
 * Stores the demo 自评表 and, when the monitoring year supplies every 执行数, walks it through the
 * procedure to final (submitted, reviewed, finalised: decision 035), else leaves it a draft.
 */
export async function loadDemoEvaluation(db: Db, key: { unitCode: string; fiscalYear: number }): Promise<void> {
  const draft = await saveEvaluation(db, SYSTEM_ACTOR, { ...key, ...DEMO_EVALUATION });
  const complete = !draft.incomplete && draft.missingAnalysis.length === 0;
  if (!complete) return;
  await saveEvaluation(db, SYSTEM_ACTOR, { ...key, ...DEMO_EVALUATION, submit: true });
  await reviewEvaluation(db, SYSTEM_ACTOR, { ...key, decision: 'approve' });
  await finaliseEvaluation(db, SYSTEM_ACTOR, key);
}
