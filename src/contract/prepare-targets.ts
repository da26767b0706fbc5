import { AppError } from '../domain/errors.ts';
import { normaliseDocument } from '../domain/normalise.ts';
import type { Project, TargetsDocument } from '../domain/targets.ts';
import { TargetsDocumentSchema } from './targets.ts';
import { UnitYearInputSchema } from './usecase-input.ts';
import { validateInput } from './validate-input.ts';

/** A document that passed every check that needs no database: what storeTargets takes. */
export interface PreparedTargets {
  document: TargetsDocument;
  fiscalYear: number;
}

/** Validates and normalises a document for the given year, touching no database; throws VALIDATION. */
export function prepareTargets(input: { document: unknown; fiscalYear: number }): PreparedTargets {
  return prepareParsedTargets({
    document: validateInput(TargetsDocumentSchema, input.document, '绩效目标文档'),
    fiscalYear: input.fiscalYear,
  });
}

/**
 * prepareTargets for exchange JSON that parseTargetsFile already validated against the same schema
 * (the text, Word and Excel readers' output is not: it goes through prepareTargets), so the bulk
 * import does not pay for validating every document twice.
 */
export function prepareParsedTargets(input: { document: TargetsDocument; fiscalYear: number }): PreparedTargets {
  const parsed = input.document;
  const fiscalYear = validateInput(UnitYearInputSchema.shape.fiscalYear, input.fiscalYear, '年度');
  if (parsed.fiscalYear !== undefined && parsed.fiscalYear !== fiscalYear) {
    throw new AppError('VALIDATION', `文档写明的年度 ${parsed.fiscalYear} 与导入年度 ${fiscalYear} 不一致`, {
      location: { path: ['fiscalYear'] },
    });
  }
  const document = normaliseDocument(parsed);
  assertUniqueProjectCodes(document.projects);
  return { document, fiscalYear };
}

function assertUniqueProjectCodes(projects: Project[]): void {
  const seen = new Map<string, number>();
  projects.forEach((project, index) => {
    const first = seen.get(project.code);
    if (first !== undefined) {
      throw new AppError('VALIDATION', `项目编码 ${project.code} 重复（第 ${first + 1} 个与第 ${index + 1} 个项目）`, {
        location: { path: ['projects', index, 'code'] },
        issues: [{ path: ['projects', index, 'code'], message: `项目编码 ${project.code} 重复` }],
      });
    }
    seen.set(project.code, index);
  });
}
