import { ActualsDocumentSchema, type ActualsDocument, type UnitScore } from '../contract/actuals.ts';
import { readScoringPolicy } from '../contract/policies.ts';
import { validatePolicyBody } from '../contract/policy-bodies.ts';
import { AppError } from '../domain/errors.ts';
import { scoreProjects, type ProjectActuals, type ScoringPolicyInput } from '../domain/scoring/index.ts';
import type { StatedTargets } from '../domain/targets.ts';
import { parseTargetsFile } from './parse-targets.ts';
import { zodIssues } from '../contract/validate-input.ts';

/**
 * `jixiao score`: a target document and a jixiao/actuals@1 file, both read from bytes, scored by
 * the default policy, a given one, or a policy file (`--policy`: the body the bureau stores, checked
 * the same way). Touches no database. Every refusal names its file and the path inside it
 * (projects.2.indicators.0.name).
 */
export async function scoreActuals(input: {
  targets: { content: Uint8Array | string; fileName: string };
  actuals: { content: Uint8Array | string; fileName: string };
  policy?: ScoringPolicyInput;
  policyFile?: { content: Uint8Array | string; fileName: string };
}): Promise<UnitScore> {
  const policy = input.policyFile ? readPolicyFile(input.policyFile.content, input.policyFile.fileName) : input.policy;
  const actuals = readActualsDocument(input.actuals.content, input.actuals.fileName);
  const { document } = await parseTargetsFile({ ...input.targets, fiscalYear: undefined });
  return scoreDocumentWithActuals(document, actuals, input.actuals.fileName, policy);
}

function readJson(content: Uint8Array | string, fileName: string): unknown {
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('BAD_INPUT', `不是有效的 JSON：${(error as Error).message}`, { location: { file: fileName } });
  }
}

/** A scoring policy file: validated as a stored bureau body (unknown keys refused), read over the defaults as the server does. */
function readPolicyFile(content: Uint8Array | string, fileName: string): ScoringPolicyInput {
  const body = readJson(content, fileName);
  try {
    return readScoringPolicy(validatePolicyBody('scoring', body));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError('BAD_INPUT', error.message, {
      location: { file: fileName, path: error.location?.path ?? [] },
      issues: error.issues.map((issue) => ({ ...issue, file: fileName })),
    });
  }
}

function readActualsDocument(content: Uint8Array | string, fileName: string): ActualsDocument {
  const data = readJson(content, fileName);
  const result = ActualsDocumentSchema.safeParse(data);
  if (result.success) return result.data;
  const issues = zodIssues(result.error).map((issue) => ({ ...issue, file: fileName }));
  throw new AppError('BAD_INPUT', `不符合 jixiao/actuals@1 格式：${issues[0]?.message ?? ''}`, {
    location: { file: fileName, path: issues[0]?.path },
    issues,
  });
}

function scoreDocumentWithActuals(
  document: StatedTargets,
  actuals: ActualsDocument,
  fileName: string,
  policy?: ScoringPolicyInput,
): UnitScore {
  // A target file without 单位编码 (most provincial tables) is taken to be the unit the actuals file names.
  if (document.unit.code !== null && actuals.unit !== document.unit.code) {
    throw new AppError(
      'BAD_INPUT',
      `实际完成值文件的单位 ${actuals.unit} 与目标文件的单位 ${document.unit.code} 不一致`,
      {
        location: { file: fileName, field: 'unit' },
      },
    );
  }
  if (document.fiscalYear !== undefined && document.fiscalYear !== actuals.fiscalYear) {
    throw new AppError(
      'BAD_INPUT',
      `实际完成值文件的年度 ${actuals.fiscalYear} 与目标文件的年度 ${document.fiscalYear} 不一致`,
      {
        location: { file: fileName, field: 'fiscalYear' },
      },
    );
  }
  const byCode = new Map<string, { actuals: ProjectActuals; index: number }>();
  actuals.projects.forEach((project, index) => {
    if (!document.projects.some((p) => p.code === project.code)) {
      const known = document.projects.map((p) => p.code).join('、');
      throw new AppError('BAD_INPUT', `目标文件中没有项目 ${project.code}（已有：${known}）`, {
        location: { file: fileName, path: ['projects', index, 'code'] },
      });
    }
    if (byCode.has(project.code)) {
      throw new AppError('BAD_INPUT', `项目 ${project.code} 重复出现`, {
        location: { file: fileName, path: ['projects', index, 'code'] },
      });
    }
    byCode.set(project.code, { actuals: project, index });
  });
  // scoreProjects asks for a project's actuals right before scoring it: the last asked is the one that failed.
  let current = 0;
  const actualsOf = (project: { code: string }): ProjectActuals | null => {
    const found = byCode.get(project.code);
    current = found?.index ?? current;
    return found?.actuals ?? null;
  };
  try {
    const result = scoreProjects(document.projects, actualsOf, policy);
    return {
      unit: document.unit.code ?? actuals.unit,
      fiscalYear: actuals.fiscalYear,
      meanScore: result.meanScore,
      incomplete: result.incomplete,
      projects: result.projects,
    };
  } catch (error) {
    if (!(error instanceof AppError) || !error.location?.path) throw error;
    throw new AppError('BAD_INPUT', error.message, {
      location: { file: fileName, path: ['projects', current, ...error.location.path] },
    });
  }
}
