import { AppError } from '../../domain/errors.ts';
import type { OverallGoal, Project, TargetsDocument, Unit } from '../../domain/targets.ts';
import {
  PART1,
  PART1_TITLE,
  PART2,
  PART2_TITLE,
  SECTION_NAMES,
  SECTION_NUMERALS,
  SECTION_ORDER,
  TABLE_TITLE_SUFFIX,
} from '../seed-text/layout.ts';

/**
 * The official document as a list of blocks, in the order and wording of the seed's text layout (see
 * writeSeedText): the .docx and the .pdf writers draw these blocks, and the .docx reader reads them back through
 * readSeedText, so the three cannot disagree about what goes where.
 */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'toc' }
  | { kind: 'pageBreak' }
  /** 第一部分 / 部门整体绩效目标: one heading of two lines (the reader needs "第一部分" on a line of its own). */
  | { kind: 'part'; lines: [string, string] }
  | { kind: 'heading'; text: string }
  /** "山海关区总工会总体绩效目标": names the section again under its heading; the reader skips it. */
  | { kind: 'subtitle'; text: string }
  | { kind: 'paragraph'; text: string; level: 'body' | 'measure' }
  | { kind: 'project'; title: string; unit: Unit; project: Project };

export function documentTitle(doc: TargetsDocument): string {
  return `${doc.unit.name}${doc.fiscalYear === undefined ? '' : `${doc.fiscalYear}年`}绩效目标`;
}

export function outline(doc: TargetsDocument): Block[] {
  if (!/^\d+$/.test(doc.unit.code)) {
    throw new AppError('VALIDATION', `单位编码“${doc.unit.code}”不是数字，无法写成官方版式（表头为“编码+单位名称”）`, {
      location: { field: 'unit.code' },
    });
  }
  const blocks: Block[] = [{ kind: 'title', text: documentTitle(doc) }, { kind: 'toc' }, { kind: 'pageBreak' }];
  blocks.push({ kind: 'part', lines: [PART1, PART1_TITLE] });
  section(blocks, doc, 'goals');
  for (const goal of doc.overall.goals) paragraphs(blocks, `${goal.seq}.`, goal.title, 'body');
  section(blocks, doc, 'details');
  for (const [seq, detail] of detailsOf(doc.overall.goals)) paragraphs(blocks, `${seq}.`, detail, 'body');
  section(blocks, doc, 'measures');
  for (const measure of doc.overall.measures) {
    blocks.push({ kind: 'paragraph', text: measure.heading, level: 'measure' });
    for (const item of measure.items) paragraphs(blocks, item.label, item.text, 'body');
  }
  blocks.push({ kind: 'pageBreak' }, { kind: 'part', lines: [PART2, PART2_TITLE] });
  doc.projects.forEach((project, index) => {
    // The title is not data (the name has its own cell); a line break in it would start a stray paragraph.
    blocks.push({
      kind: 'project',
      title: `${index + 1}、${project.name.replace(/\s*\n\s*/g, ' ')}${TABLE_TITLE_SUFFIX}`,
      unit: doc.unit,
      project,
    });
  });
  return blocks;
}

function section(blocks: Block[], doc: TargetsDocument, name: keyof typeof SECTION_NAMES): void {
  blocks.push(
    { kind: 'heading', text: `${SECTION_NUMERALS[SECTION_ORDER.indexOf(name)]}、${SECTION_NAMES[name]}` },
    { kind: 'subtitle', text: `${doc.unit.name}${SECTION_NAMES[name]}` },
  );
}

/** A text of several lines becomes several paragraphs; the reader joins unnumbered ones back on. */
function paragraphs(blocks: Block[], label: string, text: string, level: 'body' | 'measure'): void {
  const [first = '', ...rest] = text.split('\n');
  blocks.push({ kind: 'paragraph', text: `${label}${first}`, level });
  for (const line of rest) if (line.trim() !== '') blocks.push({ kind: 'paragraph', text: line, level });
}

function detailsOf(goals: OverallGoal[]): [number, string][] {
  return goals.flatMap((goal) => (goal.detail === null ? [] : [[goal.seq, goal.detail] as [number, string]]));
}

/** "1、…" per goal: the reader strips this numbering again. */
export function goalLines(goals: string[]): string[] {
  return goals.map((goal, i) => `${i + 1}、${goal}`);
}

/** "60.00" as in the seed, unless that would round the value away. */
export function formatPercent(value: number): string {
  const fixed = value.toFixed(2);
  return Number(fixed) === value ? fixed : String(value);
}

/** Vertical merges of a column: a run of equal keys is one cell spanning the run; a null key never merges. */
export function mergeRuns(keys: (string | null)[]): ('restart' | 'continue' | undefined)[] {
  return keys.map((key, i) => {
    if (key === null) return undefined;
    if (i > 0 && keys[i - 1] === key) return 'continue';
    return i + 1 < keys.length && keys[i + 1] === key ? 'restart' : undefined;
  });
}
