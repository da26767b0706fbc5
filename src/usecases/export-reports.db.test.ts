import { beforeAll, expect, it } from 'vitest';
import { seedOrganisations } from '../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { bookSeedSpending } from '../../test/evaluation-fixtures.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { type DocxTable, bodyOf, readBody } from '../documents/docx/docx-body.ts';
import { parseXmlSafely } from '../documents/xml-guard.ts';
import { readZipSafely } from '../documents/zip-guard.ts';
import { type Actor, SYSTEM_ACTOR } from '../domain/access.ts';
import { exportReport } from './export-reports.ts';
import { importTargets } from './import-targets.ts';
import { DEMO_EVALUATION } from './load-demo-evaluation.ts';
import { rescoreEvaluation } from './rescore-evaluation.ts';
import { reviewEvaluation } from './review-evaluation.ts';
import { saveEvaluation } from './save-evaluation.ts';
import { selectRecheckSample } from './select-recheck-sample.ts';

const key = { unitCode: '711002', fiscalYear: 2020 };
const BUREAU: Actor = { userId: 0, username: 'czj', displayName: '山海关区财政局', role: 'bureau', orgCode: 'SHG-CZJ' };

async function rows(bytes: Buffer, table: number): Promise<string[][]> {
  const part = 'word/document.xml';
  const files = await readZipSafely(bytes, { fileName: 'r.docx' });
  const root = parseXmlSafely(files.get(part)!, { fileName: 'r.docx', part, parser: { preserveOrder: true } });
  const tables = readBody(bodyOf(root as Record<string, unknown>[])!).filter((b): b is DocxTable => b.kind === 'table');
  return tables[table]!.rows.map((cells) => cells.map((c) => c.text));
}

/** The printed 自评表 states what the procedure stored: the split, the evaluator's band, the bureau's 复核. */
describeEachEngine('自评表 export after 复核', (getDb) => {
  beforeAll(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await seedOrganisations(getDb());
    await bookSeedSpending(getDb(), '711002', 2020);
    await saveEvaluation(getDb(), SYSTEM_ACTOR, { ...key, ...DEMO_EVALUATION, submit: true });
    await reviewEvaluation(getDb(), SYSTEM_ACTOR, { ...key, decision: 'approve' });
    await selectRecheckSample(getDb(), BUREAU, { fiscalYear: 2020, method: 'random', share: 1, seed: 1 });
    await rescoreEvaluation(getDb(), BUREAU, {
      ...key,
      indicators: [
        { project: '711-0403-JBN-MQNI', name: '免费健康体检率', actual: '60%', reason: '体检名单核对后实际为 60%' },
      ],
    });
  }, 120_000);

  it('prints the ledger split, the band chosen with its reason, and both scores of a re-scored project', async () => {
    const file = await exportReport(getDb(), { ...key, kind: 'evaluation', format: 'docx' });
    // The seed's projects in order: PGN6, 3EQS (补助个人数量 without a number), MQNI (re-scored), 2UE1.
    const noNumber = await rows(Buffer.from(file.content), 1);
    // 年初预算数 其中 as the targets state it (all 财政拨款); the spending was booked as 财政拨款 in the ledger.
    expect(noNumber[5]!.slice(1, 5)).toEqual(['其中：财政拨款', '14,400.00', '—', '14,400.00']);
    expect(noNumber[6]!.slice(1, 5)).toEqual(['其他资金', '', '—', '0.00']);
    const band = noNumber.find((r) => r[3] === '补助个人数量')!;
    expect(band[5]).toBe('达到\n（达成，100%）');
    expect(band[8]).toBe('评分理由：全年按名单足额发放，补助人数与计划一致');

    const rescored = await rows(Buffer.from(file.content), 2);
    const row = rescored.find((r) => r[3] === '免费健康体检率')!;
    expect(row[5]).toBe('80%');
    expect(row[8]).toMatch(
      /复核（czj）：单位自评 \d+\.\d\d 分，复核 \d+\.\d\d 分，复核完成值 60%；理由：体检名单核对后实际为 60%$/,
    );
    const [unitTotal, total] = rescored.slice(-2);
    expect(unitTotal![0]).toBe('单位自评总分（复核前）');
    expect(total![0]).toBe('总分（复核后）');
    expect(Number(total![2])).toBeLessThan(Number(unitTotal![2]));
  });
});
