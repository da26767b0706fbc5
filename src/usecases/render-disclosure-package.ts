import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { ExportedFile } from '../documents/targets-export.ts';
import {
  DISCLOSURE_KIND_NAMES,
  type DisclosureDocument,
  type DisclosureKind,
  type DisclosureManifest,
  MANIFEST_FILE,
} from '../domain/disclosure/packages.ts';
import { safeFileName } from '../domain/file-names.ts';
import { exportDepartmentEvaluation } from './export-department-evaluation.ts';
import { exportReport } from './export-reports.ts';
import { exportTargets } from './export-targets.ts';
import { renderSelfReport } from './render-self-report.ts';

type UnitYear = { unitCode: string; fiscalYear: number };

/** One document of a package: what it is and how it is written. Adding a document to disclosure is one entry here. */
interface Producer {
  title: string;
  render(db: Db, key: UnitYear): Promise<ExportedFile>;
}

const PRODUCERS: Record<DisclosureDocument, Producer> = {
  'targets-docx': { title: '绩效目标（Word）', render: (db, key) => exportTargets(db, { ...key, format: 'docx' }) },
  'targets-pdf': { title: '绩效目标（PDF）', render: (db, key) => exportTargets(db, { ...key, format: 'pdf' }) },
  'evaluation-docx': {
    title: '项目支出绩效自评表（Word）',
    render: (db, key) => exportReport(db, { ...key, kind: 'evaluation', format: 'docx' }),
  },
  'evaluation-pdf': {
    title: '项目支出绩效自评表（PDF）',
    render: (db, key) => exportReport(db, { ...key, kind: 'evaluation', format: 'pdf' }),
  },
  // The department's 自评报告 (decision 046): the whole unit-year, not one project.
  'self-report-docx': {
    title: '绩效自评报告（Word）',
    render: (db, key) => renderSelfReport(db, { ...key, format: 'docx' }),
  },
  'self-report-pdf': {
    title: '绩效自评报告（PDF）',
    render: (db, key) => renderSelfReport(db, { ...key, format: 'pdf' }),
  },
  'department-evaluation-docx': {
    title: '部门整体支出绩效自评表（Word）',
    render: (db, key) => exportDepartmentEvaluation(db, { ...key, format: 'docx' }),
  },
  'department-evaluation-pdf': {
    title: '部门整体支出绩效自评表（PDF）',
    render: (db, key) => exportDepartmentEvaluation(db, { ...key, format: 'pdf' }),
  },
};

export interface PackageFile {
  name: string;
  title: string;
  contentType: string;
  sha256: string;
  content: Buffer;
}

/**
 * Writes a unit-year's disclosure package now: each chosen document, one after another (each
 * export already writes in a render thread), and the manifest listing each file's size and SHA-256. Publishing
 * stores exactly these bytes; a preview zips them.
 */
export async function renderDisclosurePackage(
  db: Db,
  input: UnitYear & {
    kind: DisclosureKind;
    documents: readonly DisclosureDocument[];
    bureau: { code: string; name: string };
    unitName: string;
    generatedBy: string;
  },
): Promise<{ files: PackageFile[]; manifest: DisclosureManifest }> {
  const key = { unitCode: input.unitCode, fiscalYear: input.fiscalYear };
  const files: PackageFile[] = [];
  for (const document of input.documents) {
    const producer = PRODUCERS[document];
    const file = await producer.render(db, key);
    const content = Buffer.from(file.content);
    files.push({
      name: uniqueName(safeFileName(file.fileName), files),
      title: producer.title,
      contentType: file.contentType,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    });
  }
  const manifest: DisclosureManifest = {
    format: 'jixiao/disclosure@1',
    bureau: input.bureau,
    unit: { code: input.unitCode, name: input.unitName },
    fiscalYear: input.fiscalYear,
    kind: input.kind,
    kindName: DISCLOSURE_KIND_NAMES[input.kind],
    version: 0,
    generatedAt: new Date().toISOString(),
    generatedBy: input.generatedBy,
    files: files.map(({ name, title, contentType, sha256, content }) => ({
      name,
      title,
      contentType,
      size: content.length,
      sha256,
    })),
  };
  return { files, manifest };
}

/** Two documents never share a name in a package (nor take the manifest's). */
function uniqueName(name: string, taken: readonly PackageFile[]): string {
  const used = new Set([MANIFEST_FILE, ...taken.map((f) => f.name)]);
  if (!used.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let n = 2;
  while (used.has(`${stem}-${n}${extension}`)) n += 1;
  return `${stem}-${n}${extension}`;
}
