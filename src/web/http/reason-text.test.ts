import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import { assertStep } from '../../domain/evaluation/procedure.ts';
import { assertCheckpointOpen, requireCheckpoint } from '../../domain/monitoring/checkpoints.ts';
import { type FileProblem, ProblemList, fileProblem } from '../../domain/import-problems.ts';
import { type NotFoundKind, notFound, projectNotFound, targetsNotFound } from '../../domain/not-found.ts';
import { assertPasswordAllowed } from '../../domain/password-policy.ts';
import { assertEditable, nextState } from '../../domain/workflow/states.ts';
import { translator } from '../i18n/messages.ts';
import { ApiError } from './client.ts';
import { errorMessage } from './error-message.ts';
import { KNOWN_REASONS } from './reason-text.ts';

const zh = translator('zh-CN');
const en = translator('en');
const HAN = /\p{Script=Han}/u;

/** What the web receives for a domain refusal: the AppError as the server sends it. */
function refusal(run: () => void): ApiError {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const sent = JSON.parse(JSON.stringify({ details: error.details ?? {}, location: error.location ?? {} })) as {
      details: Record<string, unknown>;
      location: Record<string, unknown>;
    };
    const issues = error.issues.map((issue) => ({ path: [], message: issue.message }));
    return new ApiError(409, error.code, error.message, issues, sent);
  }
  throw new Error('expected a refusal');
}

const context = { hasDepartment: true };

describe('reasonText: domain refusals in the UI language from their reason key (decision 043)', () => {
  it.each([
    [
      'a step the state does not allow',
      () => nextState('approved', 'submit', 'unit', context),
      'The targets are “Approved”: “Submit” is not possible now. Possible now: Request adjustment',
    ],
    [
      'a step for another role',
      () => nextState('submitted', 'review', 'unit', context),
      'The targets are “Submitted, awaiting the department”: “Pass review” is for Supervising department. You can: Withdraw submission',
    ],
    [
      'approved targets locked',
      () => assertEditable('approved'),
      'The targets are approved: request an adjustment first to change them (targets follow budget adjustments)',
    ],
    ['a locked self-evaluation', () => assertStep('save', 'submitted', 'unit'), 'locked'],
    ['a self-evaluation step out of order', () => assertStep('approve', 'draft', 'department'), 'cannot approve now'],
    ['a self-evaluation step for another role', () => assertStep('approve', 'submitted', 'unit'), 'Only'],
    ['re-scoring outside the sample', () => assertStep('rescore', 'reviewed', 'bureau', false), 'sample'],
    [
      'a month that is no checkpoint',
      () => requireCheckpoint([{ month: 6 } as never, { month: 9 } as never], 7),
      'checkpoints: 6, 9',
    ],
    ['a submitted checkpoint', () => assertCheckpointOpen(new Set([6]), 6), 'month 6 is submitted'],
    [
      'a short password',
      () => assertPasswordAllowed('short', 'zhang', () => false),
      'at least 10 characters (it has 5)',
    ],
    ['a common password', () => assertPasswordAllowed('password1234', 'zhang', () => true), 'commonest'],
  ] as const)('%s', (_case, run, words) => {
    const error = refusal(run);
    const english = errorMessage(error, en);
    expect(english).toContain(words);
    expect(english).not.toMatch(HAN);
    expect(english).not.toMatch(/[{}]/);
    expect(errorMessage(error, zh)).toBe(error.message);
  });

  it('words every known reason without Chinese or placeholders', () => {
    const facts = {
      state: 'submitted',
      action: 'submit',
      allowed: ['withdraw'],
      roles: ['department', 'bureau'],
      step: 'approve',
      status: 'draft',
      code: 'P-1',
      month: 6,
      months: [6, 9],
      count: 2,
      minutes: 15,
      min: 10,
      length: 5,
      max: 256,
      year: 2026,
      deadline: '2026-12-01',
      today: '2026-12-07',
      kind: 'targets',
      fiscalYear: 2026,
      project: 'P-1',
      indicator: 'Visits',
      position: 3,
      codes: ['P-2', 'P-3'],
      problem: 'not-excel',
      file: 'book.xlsx',
    };
    for (const reason of KNOWN_REASONS) {
      const error = new ApiError(409, 'CONFLICT', '中文原句', [], { details: { ...facts, reason } });
      const english = errorMessage(error, en);
      expect(english, reason).not.toMatch(HAN);
      expect(english, reason).not.toMatch(/[{}]/);
    }
  });

  it('words a lookup that found nothing by its kind and code', () => {
    const targets = refusal(() => {
      throw targetsNotFound({ unitCode: 'U-7', fiscalYear: 2026 });
    });
    expect(errorMessage(targets, en)).toBe('Unit U-7 has no performance targets for 2026');
    const project = refusal(() => {
      throw projectNotFound({ unitCode: 'U-7', fiscalYear: 2026, projectCode: 'P-3' });
    });
    expect(errorMessage(project, en)).toBe('There is no project with the code P-3');
    expect(errorMessage(project, zh)).toBe(project.message);
    const kinds: NotFoundKind[] = ['user', 'organisation', 'bureau', 'notification', 'evidence', 'job', 'version'];
    for (const kind of kinds) {
      const english = errorMessage(
        refusal(() => {
          throw notFound(kind, 'X-1', '中文原句');
        }),
        en,
      );
      expect(english, kind).toContain('X-1');
      expect(english, kind).not.toMatch(HAN);
    }
  });

  it('words a file that cannot be read by its kind, keeping the file, line and sheet', () => {
    const bad = refusal;
    const sheet = bad(() => {
      throw fileProblem('missing-sheet', 'book.xlsx：找不到工作表“目标”', { file: 'book.xlsx', sheet: 'Targets' });
    });
    expect(errorMessage(sheet, en)).toBe('book.xlsx has no worksheet “Targets”: use a Jixiao template or export');
    expect(errorMessage(sheet, zh)).toBe('book.xlsx：找不到工作表“目标”');
    const quote = bad(() => {
      throw fileProblem('quote-unclosed', 'pay.csv：第 7 行的引号没有闭合', { file: 'pay.csv', line: 7 });
    });
    expect(errorMessage(quote, en)).toBe('pay.csv, line 7: a quotation mark is not closed');
    const kinds: FileProblem[] = ['missing', 'old-word', 'not-word', 'not-excel', 'unreadable-workbook', 'no-sheet'];
    for (const kind of [...kinds, 'xml-too-large', 'xml-declaration', 'xml-malformed', 'line-too-long'] as const) {
      const english = errorMessage(
        bad(() => {
          throw fileProblem(kind, '中文原句', { file: 'a.docx' });
        }),
        en,
      );
      expect(english, kind).toContain('a.docx');
      expect(english, kind).not.toMatch(HAN);
    }
  });

  it('words an import refused for its documents: the counts, then the first place and its detail', () => {
    const problems = new ProblemList();
    problems.add(
      'VALIDATION',
      { file: 'units.ndjson', line: 3, message: '第 1 个项目的“项目名称”必须填写' },
      {
        file: 'units.ndjson',
        line: 3,
      },
    );
    const api = refusal(() => problems.throwIfAny('导入', 5));
    expect(errorMessage(api, en)).toBe(
      '1 of 5 documents have problems; nothing was imported. units.ndjson, line 3: 第 1 个项目的“项目名称”必须填写',
    );
    expect(errorMessage(api, zh)).toBe(api.message);
  });

  it('names the place of any other unreadable file in English, the detail as the server wrote it', () => {
    const other = new ApiError(400, 'BAD_INPUT', 'a.docx：表格第 2 行缺少指标名称', [], {
      location: { file: 'a.docx' },
    });
    expect(errorMessage(other, en)).toBe('Cannot read a.docx: 表格第 2 行缺少指标名称');
    expect(errorMessage(other, zh)).toBe('a.docx：表格第 2 行缺少指标名称');
  });

  it('falls back to the server sentence for an unknown key or an unknown fact', () => {
    const unknown = new ApiError(409, 'CONFLICT', '服务器的句子', [], { details: { reason: 'something.new' } });
    expect(errorMessage(unknown, en)).toBe('服务器的句子');
    const odd = new ApiError(409, 'CONFLICT', '服务器的句子', [], {
      details: { reason: 'workflow.not-allowed-in-state', state: 'mystery', action: 'submit', allowed: [] },
    });
    expect(errorMessage(odd, en)).toBe('服务器的句子');
  });
});
