import type { MeasureSection, OverallGoal, OverallTargets } from '../../domain/targets.ts';
import { type ReadContext, fail, note, quote } from './context.ts';
import { ARABIC_NUMBERING, HEADING_NUMBERING, ITEM_LABEL, type OverallSection, SECTION_NAMES } from './layout.ts';
import type { DocumentParts, SectionLines } from './sections.ts';

interface NumberedEntry {
  seq: number;
  text: string;
  line: number;
}

/**
 * 第一部分: 总体绩效目标 is a numbered list of titles, 分项绩效目标 numbered paragraphs that repeat and
 * expand them, 工作保障措施 headings ("一、…") with items ("（一）…"). A paragraph without a number
 * continues the entry before it (a long 分项 paragraph split in two stays one detail).
 */
export function readOverall(ctx: ReadContext, parts: DocumentParts): OverallTargets {
  const titles = readNumbered(ctx, parts.sections.goals, 'goals');
  const details = readNumbered(ctx, parts.sections.details, 'details');
  return { goals: matchGoals(ctx, titles, details), measures: readMeasures(ctx, parts.sections.measures) };
}

function readNumbered(ctx: ReadContext, section: SectionLines | undefined, name: OverallSection): NumberedEntry[] {
  const entries: NumberedEntry[] = [];
  for (const line of section?.lines ?? []) {
    if (line.kind === 'blank') continue;
    const match = ARABIC_NUMBERING.exec(line.text);
    if (match) {
      const seq = Number(match[1] ?? match[2]);
      const twin = entries.find((entry) => entry.seq === seq);
      if (twin)
        fail(ctx, line.no, `${SECTION_NAMES[name]}的编号 ${seq} 重复（第 ${twin.line} 行已有）`, `overall.${name}`);
      entries.push({ seq, text: line.text.slice(match[0].length), line: line.no });
    } else if (entries.length > 0) {
      entries[entries.length - 1]!.text += `\n${line.text}`;
    } else {
      skipSubtitle(ctx, line.no, line.text, name);
    }
  }
  return entries;
}

/** "山海关区总工会总体绩效目标" under the heading names the section again: not data. */
function skipSubtitle(ctx: ReadContext, line: number, text: string, name: OverallSection): void {
  if (text.endsWith(SECTION_NAMES[name])) return;
  note(ctx, line, 'text-ignored', `已忽略“${SECTION_NAMES[name]}”中编号之前的文字${quote(text)}`);
}

/**
 * Titles and details are matched by number. A detail whose number has no title still carries a goal,
 * so it is kept, titled by its own first sentence (which, in the seed's style, is the title).
 */
function matchGoals(ctx: ReadContext, titles: NumberedEntry[], details: NumberedEntry[]): OverallGoal[] {
  const goals: OverallGoal[] = titles.map((title) => ({
    seq: title.seq,
    title: title.text,
    detail: details.find((detail) => detail.seq === title.seq)?.text ?? null,
  }));
  for (const detail of details) {
    if (titles.some((title) => title.seq === detail.seq)) continue;
    const title = firstSentence(detail.text);
    note(
      ctx,
      detail.line,
      'goal-title-derived',
      `分项绩效目标 ${detail.seq} 在总体绩效目标中没有对应的标题，已取其首句${quote(title)}作为标题`,
    );
    goals.push({ seq: detail.seq, title, detail: detail.text });
  }
  return goals;
}

function firstSentence(text: string): string {
  const firstLine = text.split('\n')[0]!;
  return /^.*?[。！？!?；;]/.exec(firstLine)?.[0] ?? firstLine;
}

function readMeasures(ctx: ReadContext, section: SectionLines | undefined): MeasureSection[] {
  const sections: MeasureSection[] = [];
  for (const line of section?.lines ?? []) {
    if (line.kind === 'blank') continue;
    const current = sections[sections.length - 1];
    const label = ITEM_LABEL.exec(line.text)?.[0];
    if (HEADING_NUMBERING.test(line.text)) {
      sections.push({ heading: line.text, items: [] });
    } else if (label !== undefined) {
      if (!current) fail(ctx, line.no, `保障措施${quote(line.text)}之前应有标题（如“一、…”）`, 'overall.measures');
      current.items.push({ label, text: line.text.slice(label.length).trim() });
    } else if (!current) {
      skipSubtitle(ctx, line.no, line.text, 'measures');
    } else {
      continueMeasure(current, line.text);
    }
  }
  return sections;
}

/** Unlabelled text right under a heading is an item of its own; after an item it continues that item. */
function continueMeasure(section: MeasureSection, text: string): void {
  const last = section.items[section.items.length - 1];
  if (last) last.text += `\n${text}`;
  else section.items.push({ label: '', text });
}
