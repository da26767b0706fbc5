import { AppError } from '../../domain/errors.ts';
import type { MeasureSection, OverallGoal, Project, TargetsDocument } from '../../domain/targets.ts';
import {
  AMOUNT_UNIT_LABEL,
  INDICATOR_HEADERS,
  LABELS,
  PART1,
  PART1_TITLE,
  PART2,
  PART2_TITLE,
  SECTION_NAMES,
  SECTION_NUMERALS,
  SECTION_ORDER,
  TABLE_TITLE_SUFFIX,
} from './layout.ts';

/**
 * Writes a document in the seed's own layout (LF, one tab-prefixed cell per line, blank line between rows)
 * so that readSeedText reads back the same document. Word's TC field codes are a defect of the source and
 * are not written. A stated fiscal year goes on a cover line, which the reader recognises.
 */
export function writeSeedText(doc: TargetsDocument): string {
  checkUnit(doc);
  const out: string[] = [];
  if (doc.fiscalYear !== undefined) out.push(`${doc.unit.name}${doc.fiscalYear}年绩效目标`, '');
  out.push(PART1, PART1_TITLE);
  writeNumbered(
    out,
    doc,
    'goals',
    doc.overall.goals.map((goal) => [goal.seq, goal.title]),
  );
  writeNumbered(out, doc, 'details', detailsOf(doc.overall.goals));
  writeMeasures(out, doc, doc.overall.measures);
  out.push(PART2, PART2_TITLE);
  doc.projects.forEach((project, index) => writeProject(out, doc, project, index));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The unit is written as "711002秦皇岛市…" and read back as leading digits + the rest. */
function checkUnit(doc: TargetsDocument): void {
  if (!/^\d+$/.test(doc.unit.code)) {
    throw new AppError('VALIDATION', `单位编码“${doc.unit.code}”不是数字，无法写成文本版式（表头为“编码+单位名称”）`, {
      location: { field: 'unit.code' },
    });
  }
}

function sectionHeading(name: keyof typeof SECTION_NAMES): string {
  return `${SECTION_NUMERALS[SECTION_ORDER.indexOf(name)]}、${SECTION_NAMES[name]}`;
}

function writeNumbered(
  out: string[],
  doc: TargetsDocument,
  name: 'goals' | 'details',
  entries: [number, string][],
): void {
  out.push(sectionHeading(name), `${doc.unit.name}${SECTION_NAMES[name]}`, '');
  for (const [seq, text] of entries) writeParagraphs(out, `${seq}.`, text);
}

function detailsOf(goals: OverallGoal[]): [number, string][] {
  return goals.flatMap((goal) => (goal.detail === null ? [] : [[goal.seq, goal.detail] as [number, string]]));
}

function writeMeasures(out: string[], doc: TargetsDocument, sections: MeasureSection[]): void {
  out.push(sectionHeading('measures'), `${doc.unit.name}${SECTION_NAMES.measures}`, '');
  for (const section of sections) {
    out.push(section.heading, '');
    for (const item of section.items) writeParagraphs(out, item.label, item.text);
  }
}

/** A text of several lines becomes several paragraphs; the reader joins unnumbered ones back on. */
function writeParagraphs(out: string[], label: string, text: string): void {
  const [first = '', ...rest] = text.split('\n');
  out.push(`${label}${first}`, '');
  for (const paragraph of rest) if (paragraph.trim() !== '') out.push(paragraph, '');
}

function writeProject(out: string[], doc: TargetsDocument, p: Project, index: number): void {
  // A name starting with a digit would be read as part of the code: a space keeps them apart.
  const separator = /^\d/.test(doc.unit.name) ? ' ' : '';
  // The title is not data (the name has its own cell), but a line break in it would start a stray paragraph.
  out.push(`${index + 1}、${p.name.replace(/\s*\n\s*/g, ' ')}${TABLE_TITLE_SUFFIX}`);
  row(out, [`${doc.unit.code}${separator}${doc.unit.name}`, AMOUNT_UNIT_LABEL]);
  row(out, [LABELS.code[0], p.code, LABELS.name[0], p.name]);
  row(out, [
    LABELS.budget[0],
    LABELS.total[0],
    p.budget.total ?? '',
    LABELS.fiscal[0],
    p.budget.fiscal ?? '',
    LABELS.other[0],
    p.budget.other ?? '',
  ]);
  row(out, ['', p.purpose]);
  if (p.spendingPlan.length > 0) {
    row(out, [LABELS.spending[0], ...p.spendingPlan.map((c) => `${c.month}月底`)]);
    row(out, [
      '',
      ...p.spendingPlan.map((c) => (c.cumulativePercent === null ? '' : formatPercent(c.cumulativePercent))),
    ]);
  }
  row(out, [LABELS.goals[0], p.goals.map((goal, i) => `${i + 1}、${goal}`).join('\n')]);
  out.push('');
  row(out, [...INDICATOR_HEADERS]);
  for (const i of p.indicators) row(out, [i.level1, i.level2, i.name, i.description, i.target.raw, i.basis]);
  out.push('');
}

/** One cell per line behind a tab; a cell's further lines follow untabbed, as Word exports paragraphs. */
function row(out: string[], cells: string[]): void {
  for (const cell of cells) out.push(`\t${cell}`);
  out.push('');
}

/** "60.00" as in the seed, unless that would round the value away. */
function formatPercent(value: number): string {
  const fixed = value.toFixed(2);
  return Number(fixed) === value ? fixed : String(value);
}
