import { loadEvaluation } from '../db/evaluation.repo.ts';
import { findUnitId } from '../db/monitoring.repo.ts';
import {
  type ReportVersionInfo,
  listReportVersions,
  loadReportVersion,
  loadSectionOverrides,
} from '../db/self-report.repo.ts';
import type { Executor } from '../db/schema.ts';
import { AppError } from '../domain/errors.ts';
import { targetsNotFound } from '../domain/not-found.ts';
import { type SectionOverride, type SelfReport, buildSelfReport, subjectKey } from '../domain/self-report/report.ts';
import type { ReportSubject, SectionKey, SelfReportSnapshot } from '../domain/self-report/types.ts';
import { readSelfReportFacts } from './read-self-report-facts.ts';

export interface SelfReportKey {
  unitCode: string;
  fiscalYear: number;
  projectCode?: string | undefined;
  /** A frozen version; default: the latest one while the 自评表 is final, else the live report. */
  version?: number | undefined;
}

export interface LoadedSelfReport {
  report: SelfReport;
  /** The frozen version printed, null for the live (editable) report. */
  version: number | null;
  evaluationStatus: string;
  versions: ReportVersionInfo[];
}

/**
 * A 自评报告 as it stands (decision 046): while the 自评表 is not final, the text generated from today's data with
 * the unit's edits; once final, the version frozen at finalisation (figures and text as they were then).
 */
export async function readSelfReport(trx: Executor, key: SelfReportKey): Promise<LoadedSelfReport> {
  const unitId = await findUnitId(trx, key.unitCode);
  if (unitId === undefined) throw targetsNotFound(key);
  const ref = { unitId, fiscalYear: key.fiscalYear };
  const subject: ReportSubject = key.projectCode === undefined ? null : { project: key.projectCode };
  const status = (await loadEvaluation(trx, ref))?.status ?? 'none';
  const versions = await listReportVersions(trx, ref);
  const wanted = key.version ?? (status === 'final' ? versions[0]?.version : undefined);
  if (wanted !== undefined) {
    const snapshot = (await loadReportVersion(trx, ref, wanted)) as SelfReportSnapshot | undefined;
    if (snapshot === undefined) {
      throw new AppError('NOT_FOUND', `自评报告没有第 ${wanted} 版`, { location: { field: 'version' } });
    }
    const report = buildSelfReport(snapshot.facts, subject, frozenTexts(snapshot, subjectKey(subject)));
    return { report, version: wanted, evaluationStatus: status, versions };
  }
  const facts = await readSelfReportFacts(trx, key);
  const report = buildSelfReport(facts, subject, await loadSectionOverrides(trx, ref, subjectKey(subject)));
  return { report, version: null, evaluationStatus: status, versions };
}

function frozenTexts(snapshot: SelfReportSnapshot, reportKey: string): Map<SectionKey, SectionOverride> {
  const texts = snapshot.texts[reportKey] ?? {};
  return new Map(
    Object.entries(texts).map(([section, text]) => [
      section as SectionKey,
      { text: text ?? '', version: 0, updatedBy: '', updatedAt: '' },
    ]),
  );
}
